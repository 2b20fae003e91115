namespace RecallHub.Sources.AclSante.Fsn;

/// <summary>Section 1 of the FSN: one device concerned, its identifiers and which units.</summary>
internal sealed record AffectedDevice
{
    /// <summary>The trade (commercial) name.</summary>
    public string? TradeName { get; init; }

    /// <summary>UDI-DIs (GS1 GTINs, or HIBCC starting with <c>+</c>), as written.</summary>
    public IReadOnlyList<string> UdiDis { get; init; } = [];

    /// <summary>ACL13 codes (<c>3401…</c>), as written.</summary>
    public IReadOnlyList<string> Acl13s { get; init; } = [];

    /// <summary>Other GTINs, as written.</summary>
    public IReadOnlyList<string> Gtins { get; init; } = [];

    /// <summary>Model, catalogue or part numbers.</summary>
    public IReadOnlyList<string> CatalogueNumbers { get; init; } = [];

    /// <summary>Lots, each with its expiry when given.</summary>
    public IReadOnlyList<WireLot> Lots { get; init; } = [];

    /// <summary>Lot ranges (<c>first</c>–<c>last</c>), as written.</summary>
    public IReadOnlyList<WireRange> LotRanges { get; init; } = [];

    /// <summary>Serial numbers or ranges, as written.</summary>
    public IReadOnlyList<WireRange> Serials { get; init; } = [];

    /// <summary>Units whose expiry lies between these dates (either may be open).</summary>
    public (DateOnly? From, DateOnly? To)? ExpiryRange { get; init; }

    /// <summary>Units made between these dates (either may be open).</summary>
    public (DateOnly? From, DateOnly? To)? ProductionRange { get; init; }

    /// <summary>The notice says every unit is concerned.</summary>
    public bool AllUnits { get; init; }
}
