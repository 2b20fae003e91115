namespace RecallHub.Abstractions.Notices;

/// <summary>
/// Which units of a product a notice concerns. A unit is concerned when any criterion holds: all lots, one of the
/// listed lots, a serial in one of the ranges, an expiry or a production date in the range.
/// </summary>
public sealed record LotSelector
{
    private readonly IReadOnlyList<LotEntry> _lots = [];
    private readonly IReadOnlyList<SerialRange> _serials = [];

    /// <summary>Every unit of the product, whatever its lot.</summary>
    public bool AllLots { get; init; }

    /// <summary>The recalled lots.</summary>
    public IReadOnlyList<LotEntry> Lots { get => _lots; init => _lots = value ?? []; }

    /// <summary>The recalled serial numbers or ranges.</summary>
    public IReadOnlyList<SerialRange> Serials { get => _serials; init => _serials = value ?? []; }

    /// <summary>Units whose expiry date lies in this range.</summary>
    public DateRange? ExpiryRange { get; init; }

    /// <summary>Units whose production date lies in this range.</summary>
    public DateRange? ProductionRange { get; init; }

    /// <summary>A selector for every lot.</summary>
    public static LotSelector All { get; } = new() { AllLots = true };

    /// <summary><see langword="true"/> when no criterion is set: such a selector concerns nothing.</summary>
    /// <remarks>Computed, so not part of the notice's JSON form.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => !AllLots && Lots.Count == 0 && Serials.Count == 0 && ExpiryRange is null && ProductionRange is null;
}
