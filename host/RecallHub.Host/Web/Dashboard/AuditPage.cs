using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary><c>/audit</c>: the audit log, newest first, optionally one person's entries, with a check of its hash chain.</summary>
internal static class AuditPage
{
    private const int PageSize = 100;

    public static async Task<IResult> ShowAsync(HttpContext http, IRecallHubStore store)
    {
        var page = DashboardPage.For(http);
        var query = http.Request.Query;
        string? actor = query["acteur"].FirstOrDefault() is { Length: > 0 } a ? a : null;
        int pageNumber = int.TryParse(query["page"], out int n) && n > 0 ? n : 1;
        var token = http.RequestAborted;
        await using var session = await store.OpenSessionAsync(page.Scope, token).ConfigureAwait(false);
        var entries = await session.Audit.ListRecentAsync(new Paging((pageNumber - 1) * PageSize, PageSize), actor, token).ConfigureAwait(false);
        var check = Html.Empty;
        if (query["verifier"] == "1")
        {
            var verification = await session.Audit.VerifyAsync(token).ConfigureAwait(false);
            check = verification.IsIntact
                ? DashboardPage.Notice("ok", $"Chaîne intègre : {verification.EntriesChecked} entrée(s) vérifiée(s).")
                : DashboardPage.Notice("erreur", $"Chaîne rompue à l'entrée n° {verification.FirstBrokenId} : le journal a été modifié en dehors de RecallHub.");
        }

        string Link(int number) => $"/audit?acteur={Uri.EscapeDataString(actor ?? "")}&page={number}";
        return page.Render("Journal d'audit", "/audit", Html.Of($"""
            {check}
            <p>Chaque entrée est chaînée à la précédente par une empreinte SHA-256 : une modification ou une suppression faite en dehors de RecallHub se voit. <a href="/audit?verifier=1">Vérifier la chaîne maintenant</a> (ou <code>recallhub audit verify</code>).</p>
            <form method="get" action="/audit" class="filters">
            <p><label for="acteur">Personne</label><input id="acteur" name="acteur" value="{actor}"></p>
            <p><button type="submit">Filtrer</button></p>
            </form>
            <p role="status">{entries.Total} entrée(s).</p>
            {Table(entries.Items, "Entrées du journal, les plus récentes d'abord")}
            <nav aria-label="Pages" class="pages">
            {(pageNumber > 1 ? Html.Of($"<a href=\"{Link(pageNumber - 1)}\">Page précédente</a>") : Html.Empty)}
            {(pageNumber * PageSize < entries.Total ? Html.Of($"<a href=\"{Link(pageNumber + 1)}\">Page suivante</a>") : Html.Empty)}
            </nav>
            """));
    }

    public static Html Table(IReadOnlyList<StoredAuditEntry> entries, string caption) => entries.Count == 0
        ? Html.Of($"<p class=\"empty\">Aucune entrée.</p>")
        : Html.Of($"""
            <div class="table-wrap"><table class="audit">
            <caption class="visually-hidden">{caption}</caption>
            <thead><tr><th scope="col">N°</th><th scope="col">Quand</th><th scope="col">Qui</th><th scope="col">Quoi</th><th scope="col">Sur</th><th scope="col">Détails</th><th scope="col">Empreinte</th></tr></thead>
            <tbody>{entries.Select(e => Html.Of($"""
                <tr><td>{e.Id}</td><td>{DashboardText.When(e.Entry.At)}</td><td>{e.Entry.Actor}</td><td>{DashboardText.AuditAction(e.Entry.Action)}</td><td>{Subject(e.Entry.Subject)}</td><td>{e.Entry.Details ?? ""}</td><td><code title="{e.Hash}">{(e.Hash is { Length: > 12 } h ? h[..12] + "…" : e.Hash ?? "")}</code></td></tr>
                """))}</tbody>
            </table></div>
            """);

    private static Html Subject(string subject) => subject.StartsWith("recall:", StringComparison.Ordinal)
        ? Html.Of($"<a href=\"/recalls/{subject["recall:".Length..]}\">Rappel n° {subject["recall:".Length..]}</a>")
        : subject.StartsWith("block:", StringComparison.Ordinal) ? Html.Text($"Blocage n° {subject["block:".Length..]}")
        : Html.Text(subject);
}
