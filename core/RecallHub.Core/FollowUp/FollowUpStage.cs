namespace RecallHub.Core.FollowUp;

/// <summary>Where a recall's follow-up stands: new → read → action recorded → closed.</summary>
public enum FollowUpStage
{
    /// <summary>Nobody has read it yet.</summary>
    New = 0,

    /// <summary>A named person read it; nothing recorded as done.</summary>
    Read = 1,

    /// <summary>At least one action is recorded (quarantined, returned, destroyed, not concerned…).</summary>
    ActionRecorded = 2,

    /// <summary>Closed by a pharmacist: everything is done, its remaining blocks were lifted.</summary>
    Closed = 3,
}
