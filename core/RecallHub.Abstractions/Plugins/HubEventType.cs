namespace RecallHub.Abstractions.Plugins;

/// <summary>What happened in the hub.</summary>
public enum HubEventType
{
    /// <summary>A new recall was stored.</summary>
    RecallReceived = 0,

    /// <summary>A stored recall got a new revision (lots added or removed, text changed).</summary>
    RecallRevised = 1,

    /// <summary>A pack in stock was blocked by a recall; it must not leave the pharmacy.</summary>
    StockBlocked = 2,

    /// <summary>A block was lifted: the recall was closed, or a named person decided (quarantined, returned, destroyed).</summary>
    StockUnblocked = 3,

    /// <summary>A dispensed pack is concerned by a recall that reaches patients: someone must be contacted.</summary>
    DispensedPackConcerned = 4,

    /// <summary>The national verification system raised an alert for a pack.</summary>
    VerificationAlert = 5,

    /// <summary>A source or sink plugin keeps failing.</summary>
    PluginFailing = 6,

    /// <summary>
    /// A pack or device was dispensed or implanted for a named patient (<see cref="HubEvent.Handover"/>, the patient
    /// sealed). Since contract 1.1.
    /// </summary>
    PackHandedOver = 7,

    /// <summary>
    /// The daily recall digest (<see cref="HubEvent.Digest"/>), once a day: send it as it is, or ignore it. Since
    /// contract 1.1.
    /// </summary>
    DailyDigest = 8,
}
