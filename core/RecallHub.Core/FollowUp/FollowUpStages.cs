using RecallHub.Core.Storage;

namespace RecallHub.Core.FollowUp;

/// <summary>Reads the <see cref="FollowUpStage"/> from what was recorded.</summary>
public static class FollowUpStages
{
    /// <summary>The stage the recorded follow-up has reached.</summary>
    /// <param name="followUp">What was recorded about the recall.</param>
    public static FollowUpStage Of(RecallFollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return followUp.Closure is not null ? FollowUpStage.Closed
            : followUp.Actions.Count > 0 ? FollowUpStage.ActionRecorded
            : followUp.IsAcknowledged ? FollowUpStage.Read
            : FollowUpStage.New;
    }
}
