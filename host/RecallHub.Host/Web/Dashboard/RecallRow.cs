using RecallHub.Core.FollowUp;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>A recall as the dashboard lists it: where its follow-up stands, when it is due, what it blocks.</summary>
internal sealed record RecallRow(RecallSummary Recall, FollowUpStage Stage, DateTimeOffset Due, bool Overdue, int ActiveBlocks, int AllBlocks)
{
    /// <summary>Whether it ever touched this pharmacy's stock (a block placed, lifted since or not).</summary>
    public bool ConcernsStock => AllBlocks > 0;
}
