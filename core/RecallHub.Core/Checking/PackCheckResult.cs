using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Core.Checking;

/// <summary>The answer at the counter for one scanned pack.</summary>
/// <param name="Verdict">Allow or block.</param>
/// <param name="NeedsManualCheck">
/// <see langword="true"/> when the block comes only from recalls the scan cannot settle (no lot in the code, say):
/// the pack may leave once a person has checked the box against the recall.
/// </param>
/// <param name="Message">What is going on, in plain French, for the person at the counter.</param>
/// <param name="Action">What to do now, in plain French.</param>
/// <param name="Recalls">The recalls concerned, most certain first.</param>
/// <param name="Reading">What the scanned code says (its errors are shown alongside the verdict).</param>
public sealed record PackCheckResult(
    CheckVerdict Verdict,
    bool NeedsManualCheck,
    string Message,
    string Action,
    IReadOnlyList<RecallConcern> Recalls,
    BarcodeReading Reading);
