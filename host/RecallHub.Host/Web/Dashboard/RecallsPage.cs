using RecallHub.Abstractions.Notices;
using RecallHub.Core.FollowUp;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// <c>/recalls</c>: every recall, filtered by source, kind, whether it concerns the stock and where its follow-up
/// stands; most urgent first. Source and kind narrow the store query; the other two are read per recall.
/// </summary>
internal static class RecallsPage
{
    private const int PageSize = 50;

    // A pharmacy's recall history fits; beyond it, narrow with the source or the kind.
    private const int Scanned = Paging.MaxLimit;

    public static async Task<IResult> ShowAsync(HttpContext http, IRecallHubStore store)
    {
        var page = DashboardPage.For(http);
        var query = http.Request.Query;
        string? source = Blank(query["source"]);
        string? kindText = Blank(query["type"]);
        string? stock = Blank(query["stock"]);
        string? stageText = Blank(query["suivi"]);
        int pageNumber = int.TryParse(query["page"], out int n) && n > 0 ? n : 1;
        NoticeKind? kind = Enum.TryParse<NoticeKind>(kindText, out var k) && Enum.IsDefined(k) ? k : null;
        FollowUpStage? stage = Enum.GetValues<FollowUpStage>().Cast<FollowUpStage?>().FirstOrDefault(s => DashboardText.StageCode(s!.Value) == stageText);

        var token = http.RequestAborted;
        await using var session = await store.OpenSessionAsync(page.Scope, token).ConfigureAwait(false);
        var blocks = await BlockCounts.ReadAsync(session, token).ConfigureAwait(false);
        var found = await session.Recalls.ListAsync(new RecallFilter { Source = source, Kind = kind }, new Paging(0, Scanned), token).ConfigureAwait(false);
        var rows = new List<RecallRow>();
        foreach (var summary in found.Items)
        {
            bool concerns = blocks.Of(summary.Id).All > 0;
            if ((stock == "oui" && !concerns) || (stock == "non" && concerns))
            {
                continue;
            }

            var row = await RecallRows.ReadAsync(session, summary, blocks, page.Now, token).ConfigureAwait(false);
            if (stage is null || row.Stage == stage)
            {
                rows.Add(row);
            }
        }

        var ordered = RecallRows.Urgent(rows).ToList();
        var shown = ordered.Skip((pageNumber - 1) * PageSize).Take(PageSize).ToList();
        var sources = found.Items.SelectMany(s => s.Sources).Append(source ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        string Link(int number) => $"/recalls?source={Uri.EscapeDataString(source ?? "")}&type={kindText}&stock={stock}&suivi={stageText}&page={number}";

        return page.Render("Rappels", "/recalls", Html.Of($"""
            <form method="get" action="/recalls" class="filters" aria-label="Filtrer les rappels">
            <p><label for="f-source">Source</label><select id="f-source" name="source"><option value="">Toutes</option>{sources.Select(s => Option(s, s, source))}</select></p>
            <p><label for="f-type">Type</label><select id="f-type" name="type"><option value="">Tous</option>{Enum.GetValues<NoticeKind>().Select(v => Option(v.ToString(), DashboardText.Kind(v), kindText))}</select></p>
            <p><label for="f-stock">Concerne mon stock</label><select id="f-stock" name="stock"><option value="">Peu importe</option>{Option("oui", "Oui", stock)}{Option("non", "Non", stock)}</select></p>
            <p><label for="f-suivi">Suivi</label><select id="f-suivi" name="suivi"><option value="">Tous</option>{Enum.GetValues<FollowUpStage>().Select(v => Option(DashboardText.StageCode(v), DashboardText.Stage(v), stageText))}</select></p>
            <p><button type="submit">Filtrer</button></p>
            </form>
            <p role="status">{ordered.Count} rappel(s){(found.Total > Scanned ? Html.Text($" parmi les {Scanned} plus récents : précisez la source ou le type pour voir les plus anciens") : Html.Empty)}.</p>
            {RecallRows.Table(shown, page.Now, "Rappels, les plus urgents d'abord")}
            <nav aria-label="Pages" class="pages">
            {(pageNumber > 1 ? Html.Of($"<a href=\"{Link(pageNumber - 1)}\">Page précédente</a>") : Html.Empty)}
            {(pageNumber * PageSize < ordered.Count ? Html.Of($"<a href=\"{Link(pageNumber + 1)}\">Page suivante</a>") : Html.Empty)}
            </nav>
            """));
    }

    private static Html Option(string value, string label, string? selected) =>
        Html.Of($"<option value=\"{value}\"{(value == selected ? new Html(" selected") : Html.Empty)}>{label}</option>");

    private static string? Blank(Microsoft.Extensions.Primitives.StringValues value) =>
        value.FirstOrDefault() is { Length: > 0 } text ? text : null;
}
