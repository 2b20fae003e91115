namespace RecallHub.Core.Storage;

/// <summary>Whether a recall still blocks stock.</summary>
public enum RecallStatus
{
    /// <summary>The recall is in force: its products are matched and blocked.</summary>
    Active = 0,

    /// <summary>The recall was closed; it is kept for the record.</summary>
    Closed = 1,
}
