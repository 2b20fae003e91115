using RecallHub.Abstractions.Plugins;
using RecallHub.Host.Running;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// <c>/implants</c>: the questions the running plugins answer about what they keep (<see cref="IPluginQueries"/>: the
/// implant register's patients and devices). Pharmacists only; asked by POST so that patient identifiers stay out of
/// addresses and history; the plugin audits each read under the pharmacist's name.
/// </summary>
/// <remarks>
/// The register keeps no pharmacy with its entries and <see cref="IPluginQueries"/> carries none: in a multi-pharmacy
/// hub its answers would show other pharmacies' patients, so the page is closed there (a hub operator's API key asks).
/// </remarks>
internal static class ImplantsPage
{
    public static IResult Show(HttpContext http) => ClosedHere(http) ?? Render(http, null, null, Html.Empty);

    public static async Task<IResult> QueryAsync(HttpContext http)
    {
        if (ClosedHere(http) is { } closed)
        {
            return closed;
        }

        if (await DashboardForms.ReadAsync(http).ConfigureAwait(false) is not { } form)
        {
            return DashboardForms.Refused(http);
        }

        string pluginId = form["plugin"].FirstOrDefault() ?? "";
        string name = form["requete"].FirstOrDefault() ?? "";
        var running = http.RequestServices.GetService<RunningPlugins>();
        if (running?.FindQueries(pluginId) is not { } plugin || plugin.Queries.FirstOrDefault(q => q.Name == name) is not { } description)
        {
            return Render(http, pluginId, name, DashboardPage.Notice("erreur", "Cette question n'existe pas, ou son plugin ne tourne pas."), StatusCodes.Status404NotFound);
        }

        var parameters = description.Parameters
            .Select(p => (p.Name, Value: DashboardForms.Text(form, "p_" + p.Name)))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Name, p => p.Value!, StringComparer.Ordinal);
        try
        {
            var result = await plugin.QueryAsync(name, parameters, DashboardPage.For(http).SignedIn.Name, http.RequestAborted).ConfigureAwait(false);
            return Render(http, pluginId, name, Table(description, result));
        }
        catch (PluginQueryException e)
        {
            return Render(http, pluginId, name, DashboardPage.Notice("erreur", e.Message), StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static IResult? ClosedHere(HttpContext http) => http.RequestServices.GetRequiredService<HubTenancy>().IsMultiPharmacy
        ? DashboardPage.For(http).Render("Registre des implants", "/implants", Html.Of($"<p>Ce hub sert plusieurs pharmacies et le registre des implants ne sépare pas leurs patients : il ne se consulte pas depuis le tableau de bord d'une pharmacie. L'exploitant du hub l'interroge par l'API (<code>/api/v1/plugins/…/queries</code>).</p>"), StatusCodes.Status403Forbidden)
        : null;

    private static IResult Render(HttpContext http, string? pluginId, string? queryName, Html answer, int status = StatusCodes.Status200OK)
    {
        var page = DashboardPage.For(http);
        var running = http.RequestServices.GetService<RunningPlugins>();
        var plugins = running?.QueryPluginIds ?? [];
        var forms = plugins.SelectMany(id => running!.FindQueries(id)!.Queries.Select(q => Html.Of($"""
            <form method="post" action="/implants" class="step">
            {page.Token()}
            <input type="hidden" name="plugin" value="{id}"><input type="hidden" name="requete" value="{q.Name}">
            <h2>{q.Description}</h2>
            <p class="muted">{id} · {q.Name}</p>
            {q.Parameters.Select(p => Html.Of($"<p><label for=\"{id}-{q.Name}-{p.Name}\">{p.Description}{(p.Required ? Html.Empty : new Html(" (facultatif)"))}</label><input id=\"{id}-{q.Name}-{p.Name}\" name=\"p_{p.Name}\" autocomplete=\"off\"{(p.Required ? new Html(" required") : Html.Empty)}></p>"))}
            <p><button type="submit">Interroger</button></p>
            </form>
            {(id == pluginId && q.Name == queryName ? answer : Html.Empty)}
            """)));
        return page.Render("Registre des implants", "/implants", Html.Of($"""
            <p>Chaque consultation est enregistrée à votre nom par le registre.</p>
            {(plugins.Count == 0 ? Html.Of($"{answer}<p class=\"empty\">Aucun plugin de consultation ne tourne (le registre des implants démarre avec <code>recallhub run</code>).</p>") : Html.Join(forms))}
            """), status);
    }

    private static Html Table(PluginQueryDescription description, PluginQueryResult result) => result.Rows.Count == 0
        ? Html.Of($"<p class=\"empty\" role=\"status\">Aucun résultat.</p>")
        : Html.Of($"""
            <div class="table-wrap"><table>
            <caption>{description.Description} : {result.Rows.Count} ligne(s)</caption>
            <thead><tr>{result.Columns.Select(c => Html.Of($"<th scope=\"col\">{c}</th>"))}</tr></thead>
            <tbody>{result.Rows.Select(row => Html.Of($"<tr>{row.Select(cell => Html.Of($"<td>{cell ?? ""}</td>"))}</tr>"))}</tbody>
            </table></div>
            """);
}
