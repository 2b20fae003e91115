using RecallHub.Core.Storage;

namespace RecallHub.Core.Scanning;

/// <summary>One scan as the pharmacy software sends it.</summary>
/// <param name="RawCode">The code as the scanner sent it.</param>
/// <param name="Event">Why the pack was scanned.</param>
public sealed record ScanSubmission(string? RawCode, PackEvent Event)
{
    /// <summary>When the pack was scanned; now when not given.</summary>
    public DateTimeOffset? ScannedAt { get; init; }

    /// <summary>The workstation that scanned it.</summary>
    public string? Workstation { get; init; }

    /// <summary>The person who scanned it.</summary>
    public string? Operator { get; init; }

    /// <summary>The text the scanner sends in place of the GS1 group separator, if any (such as <c>~</c>).</summary>
    public string? GroupSeparatorSubstitute { get; init; }

    /// <summary>
    /// The patient who received the pack, already sealed by the host with the patient key and bound to
    /// <see cref="RawCode"/> (<see cref="Abstractions.Patients.PatientIdentitySeal"/>); only with
    /// <see cref="PackEvent.Implantation"/> or <see cref="PackEvent.Dispensation"/>. The engine never sees it in clear.
    /// </summary>
    public string? SealedPatient { get; init; }

    /// <summary>The prescriber or implanter (name and RPPS), with a patient.</summary>
    public string? Prescriber { get; init; }

    /// <summary>Where the pack was handed over or implanted (<c>Bloc 2, Clinique du Parc</c>).</summary>
    public string? Place { get; init; }
}
