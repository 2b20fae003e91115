namespace RecallHub.Abstractions.Identifiers;

/// <summary>
/// What a scanned code says, whatever its scheme: the product identifiers, the production identifiers and every
/// problem found. Built by <see cref="BarcodeReader"/> and by the scheme parsers.
/// </summary>
/// <remarks>
/// A reading is <see cref="IsValid"/> only when it has no error and is not ambiguous. Fields that the code does not
/// carry are <see langword="null"/>. When a lenient GS1 reading is ambiguous, the fields hold only the values on which
/// every valid reading agrees and <see cref="Alternatives"/> lists the readings: nothing is picked silently.
/// </remarks>
public sealed record BarcodeReading
{
    /// <summary>The input as received (control characters included).</summary>
    public required string Input { get; init; }

    /// <summary>The scheme the code follows.</summary>
    public IdentifierScheme Scheme { get; init; }

    /// <summary><see langword="true"/> when the code has no error and a single reading.</summary>
    public bool IsValid => Errors.Count == 0 && !IsAmbiguous;

    /// <summary>The GTIN as 14 digits (GS1 AI 01 or 02, or a plain EAN/UPC barcode).</summary>
    public string? Gtin { get; init; }

    /// <summary>The CIP13 (<c>34009…</c>) carried inside the GTIN, for French medicines.</summary>
    public string? Cip13 { get; init; }

    /// <summary>The ACL13 (<c>3401…</c>) carried inside the GTIN, for French non-medicine health products.</summary>
    public string? Acl13 { get; init; }

    /// <summary>The batch or lot number.</summary>
    public string? Lot { get; init; }

    /// <summary>The serial number.</summary>
    public string? Serial { get; init; }

    /// <summary>The expiry date (day 00 resolved to the last day of the month).</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>The production (manufacturing) date.</summary>
    public DateOnly? ProductionDate { get; init; }

    /// <summary>The device identifier part of a UDI: the GTIN for GS1, labeler+product+unit for HIBCC, the PPN for IFA.</summary>
    public string? UdiDi { get; init; }

    /// <summary>The HIBCC labeler identification code.</summary>
    public string? Labeler { get; init; }

    /// <summary>The HIBCC product or catalogue number.</summary>
    public string? Product { get; init; }

    /// <summary>The HIBCC unit-of-measure (packaging level) digit.</summary>
    public string? UnitOfMeasure { get; init; }

    /// <summary>The IFA Pharmacy Product Number.</summary>
    public string? Ppn { get; init; }

    /// <summary>Every element read, in input order.</summary>
    public IReadOnlyList<DataElement> Elements { get; init; } = [];

    /// <summary>Every problem found, in input order.</summary>
    public IReadOnlyList<IdentifierError> Errors { get; init; } = [];

    /// <summary><see langword="true"/> when a lenient reading found more than one valid split of the input.</summary>
    public bool IsAmbiguous { get; init; }

    /// <summary>The valid readings of an ambiguous input; empty otherwise.</summary>
    public IReadOnlyList<BarcodeReading> Alternatives { get; init; } = [];
}
