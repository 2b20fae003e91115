namespace RecallHub.Nmvs.Simulation;

/// <summary>One serialised pack the simulator knows, with its state and who last changed it.</summary>
public sealed class SimulatedPack
{
    /// <summary>The product code (GTIN-14).</summary>
    public required string ProductCode { get; init; }

    /// <summary>The batch it belongs to.</summary>
    public required string Batch { get; init; }

    /// <summary>The batch's expiry.</summary>
    public required DateOnly Expiry { get; init; }

    /// <summary>The serial number.</summary>
    public required string Serial { get; init; }

    /// <summary>The state: <c>Active</c>, <c>Supplied</c>, <c>Destroyed</c>, <c>Exported</c>, <c>Sample</c>, <c>Free sample</c>, <c>Locked</c>, <c>Stolen</c>, <c>Checked-out</c>.</summary>
    public string State { get; set; } = "Active";

    /// <summary>When the state last changed, if it did.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>The location (client certificate's name) that last changed it, if any.</summary>
    public string? ChangedBy { get; set; }
}
