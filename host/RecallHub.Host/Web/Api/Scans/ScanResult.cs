namespace RecallHub.Host.Web.Api.Scans;

/// <summary>What became of one scan of a batch.</summary>
/// <param name="Index">Its place in the batch, from 0.</param>
/// <param name="Stored">Whether it was stored; a refused scan says why in <paramref name="Problems"/>.</param>
/// <param name="ScanId">The stored scan's id, <see langword="null"/> when refused.</param>
/// <param name="Verdict">
/// <c>allow</c> or <c>block</c> whenever the code names a product (even for a refused scan: a damaged code of a
/// recalled pack is still stopped); <see langword="null"/> when it names none. <c>verification_pending</c> when no
/// recall stops the pack but its national verification is pending or failed: not an allow.
/// </param>
/// <param name="NeedsManualCheck">Whether the block comes only from recalls the code cannot settle.</param>
/// <param name="Message">What is going on, in plain French, for the person scanning.</param>
/// <param name="Action">What to do now, in plain French.</param>
/// <param name="Recalls">The recalls concerning the pack.</param>
/// <param name="BlocksPlaced">The ids of the blocks this scan placed (none for a destruction scan, or when the pack was already blocked).</param>
/// <param name="Problems">Why it was refused, or what was odd about it.</param>
/// <param name="Verification">
/// Under <c>recallhub run</c> with a verifier plugin (NMVS), what it said about this serialised pack; <see langword="null"/>
/// when no verifier was asked.
/// </param>
internal sealed record ScanResult(
    int Index,
    bool Stored,
    long? ScanId,
    string? Verdict,
    bool? NeedsManualCheck,
    string? Message,
    string? Action,
    IReadOnlyList<CheckedRecall> Recalls,
    IReadOnlyList<long> BlocksPlaced,
    IReadOnlyList<ScanResultProblem> Problems,
    ScanVerification? Verification = null);
