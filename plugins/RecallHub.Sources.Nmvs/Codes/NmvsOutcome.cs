namespace RecallHub.Sources.Nmvs.Codes;

/// <summary>What an answer of the national system means for the pack in hand.</summary>
internal enum NmvsOutcome
{
    /// <summary>Active, batch and product valid: the pack may be handled.</summary>
    Ok,

    /// <summary>The batch is recalled: every pack of it is blocked.</summary>
    BatchRecalled,

    /// <summary>The product (or its batch) is withdrawn: every pack of it is blocked.</summary>
    ProductWithdrawn,

    /// <summary>The pack may be falsified (already decommissioned, stolen, unknown serial or product): the highest severity.</summary>
    SuspectedFalsification,

    /// <summary>The pack is out of the supply chain (destroyed, exported, locked, sample…): it is blocked.</summary>
    NotDispensable,

    /// <summary>The pack is expired.</summary>
    Expired,

    /// <summary>What the box says (batch, expiry, code) does not match what the system holds.</summary>
    DataMismatch,

    /// <summary>The product is not in the system and no alert was raised (possibly not subject to serialisation).</summary>
    NotInSystem,

    /// <summary>The operation asked (an undo, a bulk request) was refused; the pack's own state is in the sentence.</summary>
    OperationRefused,

    /// <summary>A technical failure of the system: the pack stays queued and is asked again.</summary>
    Technical,

    /// <summary>The pharmacy's credentials or certificate were refused: the pack stays queued; someone must fix the settings.</summary>
    Configuration,

    /// <summary>A code RecallHub does not know: the pack is blocked and the code kept.</summary>
    Unknown,
}
