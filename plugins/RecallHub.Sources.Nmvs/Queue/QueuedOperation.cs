namespace RecallHub.Sources.Nmvs.Queue;

/// <summary>What the national system is asked for a queued pack.</summary>
internal enum QueuedOperation
{
    /// <summary>Verify the pack.</summary>
    Verify,

    /// <summary>Dispense (decommission) the pack.</summary>
    Dispense,

    /// <summary>Undo its dispense.</summary>
    UndoDispense,
}
