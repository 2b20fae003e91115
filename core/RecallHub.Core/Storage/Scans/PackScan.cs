using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Core.Storage;

/// <summary>One scan of one pack: the code as read, what it says, why and where it was scanned.</summary>
public sealed record PackScan
{
    /// <summary>The code as the scanner sent it (control characters included).</summary>
    public required string RawCode { get; init; }

    /// <summary>The scheme the code follows.</summary>
    public IdentifierScheme Scheme { get; init; }

    /// <summary>The GTIN-14, when the code carries one.</summary>
    public string? Gtin { get; init; }

    /// <summary>The key the pack is matched on (<see cref="ProductKeys"/>); <see langword="null"/> when the code names no product.</summary>
    public string? ProductKey { get; init; }

    /// <summary>The lot, as read.</summary>
    public string? Lot { get; init; }

    /// <summary>The serial number, as read.</summary>
    public string? Serial { get; init; }

    /// <summary>The expiry date.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>The production date.</summary>
    public DateOnly? ProductionDate { get; init; }

    /// <summary>Why the pack was scanned.</summary>
    public required PackEvent Event { get; init; }

    /// <summary>When the pack was scanned.</summary>
    public required DateTimeOffset ScannedAt { get; init; }

    /// <summary>The workstation that scanned it.</summary>
    public string? Workstation { get; init; }

    /// <summary>The person who scanned it.</summary>
    public string? Operator { get; init; }

    /// <summary>The patient who received it, sealed (<c>v1.…</c>); never in clear. Only on dispensations and implantations.</summary>
    public string? SealedPatient { get; init; }

    /// <summary>The prescriber or implanter (name and RPPS).</summary>
    public string? Prescriber { get; init; }

    /// <summary>Where it was handed over or implanted.</summary>
    public string? Place { get; init; }

    /// <summary>A scan built from a parsed code.</summary>
    /// <param name="reading">The parsed code.</param>
    /// <param name="event">Why the pack was scanned.</param>
    /// <param name="scannedAt">When.</param>
    /// <param name="workstation">Where.</param>
    /// <param name="operator">By whom.</param>
    public static PackScan FromReading(BarcodeReading reading, PackEvent @event, DateTimeOffset scannedAt, string? workstation = null, string? @operator = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new PackScan
        {
            RawCode = reading.Input,
            Scheme = reading.Scheme,
            Gtin = reading.Gtin,
            ProductKey = ProductKeys.Of(reading),
            Lot = reading.Lot,
            Serial = reading.Serial,
            Expiry = reading.Expiry,
            ProductionDate = reading.ProductionDate,
            Event = @event,
            ScannedAt = scannedAt,
            Workstation = workstation,
            Operator = @operator,
        };
    }
}
