namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// A pack or device handed over to a named patient, as a <see cref="HubEventType.PackHandedOver"/> event carries it:
/// what the scan read, where, by whom, on whose prescription — and the patient, sealed.
/// </summary>
/// <remarks>
/// The patient travels only as <see cref="SealedPatient"/>: open it with
/// <see cref="Patients.PatientIdentitySeal.Open"/>, the pharmacy's patient key and <see cref="RawCode"/> as the
/// associated data. A sink without the key can count and route handovers but never read who the patient is.
/// </remarks>
public sealed record PackHandover
{
    /// <summary>Dispensation or implantation.</summary>
    public required HandoverEvent Event { get; init; }

    /// <summary>When the pack was scanned.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The hub's id of the scan.</summary>
    public long ScanId { get; init; }

    /// <summary>The code as the scanner sent it (control characters included): the full UDI or DataMatrix.</summary>
    public required string RawCode { get; init; }

    /// <summary>The GTIN-14, when the code carries one.</summary>
    public string? Gtin { get; init; }

    /// <summary>The device identifier (UDI-DI) of any issuing entity: the GTIN-14 for GS1, the HIBCC or IFA identifier otherwise.</summary>
    public string? UdiDi { get; init; }

    /// <summary>The lot, as read.</summary>
    public string? Lot { get; init; }

    /// <summary>The serial number, as read.</summary>
    public string? Serial { get; init; }

    /// <summary>The expiry date, when the code gives it.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>The workstation that scanned it.</summary>
    public string? Workstation { get; init; }

    /// <summary>The person who scanned it.</summary>
    public string? Operator { get; init; }

    /// <summary>The prescriber or implanter: name and RPPS number as the pharmacy software gave them.</summary>
    public string? Prescriber { get; init; }

    /// <summary>Where it happened (<c>Bloc 2, Clinique du Parc</c>).</summary>
    public string? Place { get; init; }

    /// <summary>The patient, sealed with the pharmacy's patient key and bound to <see cref="RawCode"/> (<c>v1.…</c>).</summary>
    public required string SealedPatient { get; init; }
}
