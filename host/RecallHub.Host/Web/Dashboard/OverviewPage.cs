using RecallHub.Core.FollowUp;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// <c>/</c>: what needs doing now. The open recalls that concern this pharmacy's stock first (overdue ones first), then
/// the open recalls that do not, then a count of what is blocked.
/// </summary>
internal static class OverviewPage
{
    private const int RecentLimit = 200;

    public static async Task<IResult> ShowAsync(HttpContext http, IRecallHubStore store)
    {
        var page = DashboardPage.For(http);
        var token = http.RequestAborted;
        await using var session = await store.OpenSessionAsync(page.Scope, token).ConfigureAwait(false);
        var blocks = await BlockCounts.ReadAsync(session, token).ConfigureAwait(false);

        // Concerned recalls come from the blocks, however old; the rest from the latest recalls received.
        var rows = new Dictionary<long, RecallRow>();
        foreach (long recallId in blocks.RecallIds)
        {
            if (await SummaryAsync(session, recallId, token).ConfigureAwait(false) is { } summary)
            {
                rows[recallId] = await RecallRows.ReadAsync(session, summary, blocks, page.Now, token).ConfigureAwait(false);
            }
        }

        var recent = await session.Recalls.ListAsync(RecallFilter.All, new Paging(0, RecentLimit), token).ConfigureAwait(false);
        foreach (var summary in recent.Items.Where(s => !rows.ContainsKey(s.Id)))
        {
            rows[summary.Id] = await RecallRows.ReadAsync(session, summary, blocks, page.Now, token).ConfigureAwait(false);
        }

        var open = rows.Values.Where(r => r.Stage != FollowUpStage.Closed).ToList();
        var concerned = RecallRows.Urgent(open.Where(r => r.ConcernsStock)).ToList();
        var others = RecallRows.Urgent(open.Where(r => !r.ConcernsStock)).ToList();
        int blockedPacks = rows.Values.Sum(r => r.ActiveBlocks);
        int overdue = open.Count(r => r.Overdue);

        return page.Render("Rappels à traiter", "/", Html.Of($"""
            <section aria-labelledby="resume" class="summary">
            <h2 id="resume" class="visually-hidden">En bref</h2>
            <ul class="tiles">
            <li class="tile{(concerned.Count > 0 ? " tile-alert" : "")}"><span class="tile-number">{concerned.Count}</span> rappel(s) ouvert(s) concernant votre stock</li>
            <li class="tile{(blockedPacks > 0 ? " tile-alert" : "")}"><a href="/blocks"><span class="tile-number">{blockedPacks}</span> boîte(s) ou lot(s) bloqué(s)</a></li>
            <li class="tile{(overdue > 0 ? " tile-alert" : "")}"><span class="tile-number">{overdue}</span> rappel(s) en retard</li>
            </ul>
            </section>
            <section aria-labelledby="concernes">
            <h2 id="concernes">Concernent votre stock</h2>
            {(concerned.Count == 0 ? Html.Of($"<p class=\"empty\">Aucun rappel ouvert ne concerne votre stock.</p>") : RecallRows.Table(concerned, page.Now, "Rappels ouverts concernant votre stock, les plus urgents d'abord"))}
            </section>
            <section aria-labelledby="autres">
            <h2 id="autres">Autres rappels ouverts</h2>
            <p class="muted">Aucune boîte de votre stock n'a été reconnue : à lire, pour information.</p>
            {RecallRows.Table(others, page.Now, "Rappels ouverts ne concernant pas votre stock")}
            </section>
            <p><a href="/recalls">Tous les rappels, avec filtres</a></p>
            """));
    }

    // A recall's summary by id: the list query filtered on its alert number would miss recalls without one.
    private static async Task<RecallSummary?> SummaryAsync(IStoreSession session, long recallId, CancellationToken token)
    {
        var recall = await session.Recalls.GetAsync(recallId, token).ConfigureAwait(false);
        return recall is null ? null : new RecallSummary(
            recall.Id, recall.AlertNumber, recall.Kind, recall.Title, recall.RecallLevels, recall.PublishedAt, recall.Status,
            [.. recall.Revisions.Select(r => r.Source).Distinct(StringComparer.Ordinal)], recall.Revisions.Count, recall.UpdatedAt)
        {
            ReceivedAt = recall.CreatedAt,
        };
    }
}
