using RecallHub.Core.FollowUp;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>Builds <see cref="RecallRow"/>s and the tables that show them.</summary>
internal static class RecallRows
{
    public static async Task<RecallRow> ReadAsync(IStoreSession session, RecallSummary recall, BlockCounts blocks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var followUp = await session.FollowUp.GetAsync(recall.Id, cancellationToken).ConfigureAwait(false);
        var stage = FollowUpStages.Of(followUp);
        var due = FollowUpDeadline.Due(recall.Kind, recall.RecallLevels, recall.ReceivedAt);
        var (active, all) = blocks.Of(recall.Id);
        return new RecallRow(recall, stage, due, stage != FollowUpStage.Closed && due < now, active, all);
    }

    /// <summary>Most urgent first: overdue, then by deadline; closed ones last.</summary>
    public static IEnumerable<RecallRow> Urgent(IEnumerable<RecallRow> rows) =>
        rows.OrderBy(r => r.Stage == FollowUpStage.Closed).ThenByDescending(r => r.Overdue).ThenBy(r => r.Due).ThenByDescending(r => r.Recall.Id);

    public static Html Badge(FollowUpStage stage) =>
        Html.Of($"<span class=\"badge stage-{DashboardText.StageCode(stage)}\">{DashboardText.Stage(stage)}</span>");

    public static Html Deadline(RecallRow row, DateTimeOffset now) => row.Stage == FollowUpStage.Closed
        ? Html.Of($"<span class=\"muted\">—</span>")
        : Html.Of($"<span class=\"{(row.Overdue ? "overdue" : "due")}\">{(row.Overdue ? new Html("<strong>En retard</strong> · ") : Html.Empty)}{DashboardText.When(row.Due)} ({DashboardText.Remaining(row.Due, now)})</span>");

    public static Html Table(IReadOnlyList<RecallRow> rows, DateTimeOffset now, string caption)
    {
        if (rows.Count == 0)
        {
            return Html.Of($"<p class=\"empty\">Aucun rappel.</p>");
        }

        return Html.Of($"""
            <div class="table-wrap"><table>
            <caption>{caption}</caption>
            <thead><tr><th scope="col">Rappel</th><th scope="col">Type</th><th scope="col">Boîtes bloquées</th><th scope="col">Suivi</th><th scope="col">Échéance</th></tr></thead>
            <tbody>
            {rows.Select(r => Html.Of($"""
                <tr class="{(r.Overdue ? "row-overdue" : "")}">
                <td><a href="/recalls/{r.Recall.Id}">{r.Recall.Title}</a>{(r.Recall.AlertNumber is { } alert ? Html.Of($" <span class=\"muted\">({alert})</span>") : Html.Empty)}<br><span class="muted">publié le {DashboardText.When(r.Recall.PublishedAt)} · {string.Join(", ", r.Recall.Sources)}</span></td>
                <td>{DashboardText.Kind(r.Recall.Kind)}{(r.Recall.RecallLevels.HasFlag(RecallHub.Abstractions.Notices.RecallLevels.Patients) ? new Html("<br><strong>jusqu'aux patients</strong>") : Html.Empty)}</td>
                <td>{(r.ActiveBlocks > 0 ? Html.Of($"<strong>{r.ActiveBlocks}</strong>") : Html.Text(r.AllBlocks > 0 ? "0 (levés)" : "—"))}</td>
                <td>{Badge(r.Stage)}</td>
                <td>{Deadline(r, now)}</td>
                </tr>
                """))}
            </tbody>
            </table></div>
            """);
    }
}
