using System.Globalization;
using Mediator;
using RecallHub.Core.Blocking;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// <c>/blocks</c>: the packs blocked because of a recall (or those lifted, with who and why), and lifting one — a
/// pharmacist, in their own name, with a reason — through the engine's <see cref="LiftBlock"/>.
/// </summary>
internal static class BlocksPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, IRecallHubStore store)
    {
        var page = DashboardPage.For(http);
        bool lifted = http.Request.Query["etat"] == "leves";
        await using var session = await store.OpenSessionAsync(page.Scope, http.RequestAborted).ConfigureAwait(false);
        var blocks = await session.Blocks.ListAsync(new BlockFilter { Active = !lifted }, new Paging(0, Paging.MaxLimit), http.RequestAborted).ConfigureAwait(false);
        var notice = http.Request.Query["fait"] == "leve" ? DashboardPage.Notice("ok", "Blocage levé ; le logiciel de la pharmacie en est informé.") : Html.Empty;
        return page.Render("Stock bloqué", "/blocks", Html.Of($"""
            {notice}
            <p class="switch">{(lifted ? Html.Of($"<a href=\"/blocks\">Voir les blocages en cours</a> · <strong>Blocages levés</strong>") : Html.Of($"<strong>Blocages en cours</strong> · <a href=\"/blocks?etat=leves\">Voir les blocages levés</a>"))}</p>
            <p role="status">{blocks.Total} {(lifted ? "blocage(s) levé(s)" : "boîte(s) ou lot(s) bloqué(s)")}.</p>
            {(blocks.Items.Count == 0 ? Html.Of($"<p class=\"empty\">Rien à afficher.</p>") : Html.Of($"""
                <div class="table-wrap"><table>
                <caption class="visually-hidden">{(lifted ? "Blocages levés" : "Blocages en cours")}</caption>
                <thead><tr><th scope="col">Produit, lot, n° de série</th><th scope="col">Rappel</th><th scope="col">Depuis</th><th scope="col">{(lifted ? "Levé" : "Lever")}</th></tr></thead>
                <tbody>{blocks.Items.Select(b => Row(page, b))}</tbody>
                </table></div>
                """))}
            """));
    }

    public static async Task<IResult> LiftAsync(HttpContext http, long id, ISender sender)
    {
        if (await DashboardForms.ReadAsync(http).ConfigureAwait(false) is not { } form)
        {
            return DashboardForms.Refused(http);
        }

        var page = DashboardPage.For(http);
        string returnTo = form["retour"].FirstOrDefault() is { } back && back.StartsWith("/recalls/", StringComparison.Ordinal) ? back : "/blocks";
        if (DashboardForms.Text(form, "motif") is not { } reason)
        {
            return page.Render("Lever un blocage", "/blocks", Html.Of($"{DashboardPage.Notice("erreur", "Le motif est obligatoire pour lever un blocage.")}<p><a href=\"{returnTo}\">Retour</a></p>"), StatusCodes.Status422UnprocessableEntity);
        }

        try
        {
            await sender.Send(new LiftBlock(id, page.SignedIn.Name, reason) { Scope = page.Scope }, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BlockNotFoundException)
        {
            return page.Render("Blocage introuvable", "/blocks", Html.Of($"<p>Il n'y a pas de blocage n° {id}.</p>"), StatusCodes.Status404NotFound);
        }
        catch (BlockAlreadyLiftedException)
        {
            return page.Render("Blocage déjà levé", "/blocks", Html.Of($"<p>Ce blocage a déjà été levé ; sa levée reste au journal.</p><p><a href=\"{returnTo}\">Retour</a></p>"), StatusCodes.Status409Conflict);
        }
        catch (ArgumentException e)
        {
            return page.Render("Lever un blocage", "/blocks", Html.Of($"{DashboardPage.Notice("erreur", e.Message)}<p><a href=\"{returnTo}\">Retour</a></p>"), StatusCodes.Status422UnprocessableEntity);
        }

        return DashboardForms.Done(returnTo, "leve");
    }

    /// <summary>The lift form of one block, for pharmacists; nothing for the others.</summary>
    public static Html LiftForm(DashboardPage page, StockBlock block, string returnTo)
    {
        if (!page.SignedIn.CanDecide)
        {
            return Html.Empty;
        }

        string id = block.Id.ToString(CultureInfo.InvariantCulture);
        return Html.Of($"""
            <form method="post" action="/blocks/{id}/lift" class="lift">
            {page.Token()}
            <input type="hidden" name="retour" value="{returnTo}">
            <label for="motif-{id}">Motif de la levée (à votre nom, {page.SignedIn.Name})</label>
            <input id="motif-{id}" name="motif" required maxlength="2000" placeholder="ex. lot vérifié, non concerné">
            <button type="submit">Lever le blocage</button>
            </form>
            """);
    }

    private static Html Row(DashboardPage page, StockBlock block) => Html.Of($"""
        <tr>
        <td>{block.Gtin ?? block.ProductKey}{(block.Lot is { } lot ? Html.Text($" · lot {lot}") : Html.Empty)}{(block.Serial is { } serial ? Html.Text($" · n° {serial}") : Html.Empty)}{(block.NeedsManualCheck ? new Html("<br><strong>À vérifier à la main</strong>") : Html.Empty)}<br><span class="muted">{block.Reason}</span></td>
        <td><a href="/recalls/{block.RecallId}">Rappel n° {block.RecallId}</a></td>
        <td>{DashboardText.When(block.Since)}{(block.Workstation is { } w ? Html.Text($", poste {w}") : Html.Empty)}</td>
        <td>{(block.Lift is { } lift ? Html.Of($"par <strong>{lift.By}</strong> le {DashboardText.When(lift.At)} : « {lift.Reason} »") : page.SignedIn.CanDecide ? LiftForm(page, block, "/blocks") : Html.Text("Réservé aux pharmaciens"))}</td>
        </tr>
        """);
}
