namespace RecallHub.Core.Storage;

/// <summary>What recomputing the audit chain found.</summary>
/// <param name="EntriesChecked">How many entries were read before stopping (all of them when the chain is intact).</param>
/// <param name="FirstBrokenId">The first entry whose stored hash does not match, or <see langword="null"/>.</param>
/// <param name="Problem">What is wrong with that entry, in plain words, or <see langword="null"/>.</param>
public sealed record AuditChainVerification(long EntriesChecked, long? FirstBrokenId, string? Problem)
{
    /// <summary>Whether every entry matches its hash and follows the one before.</summary>
    public bool IsIntact => FirstBrokenId is null;
}
