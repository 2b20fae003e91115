namespace RecallHub.Core.Storage;

/// <summary>Who did what, when: overrides, acknowledgements, sign-ins. Entries are never changed or deleted.</summary>
/// <remarks>
/// Entries form a hash chain (<see cref="AuditChain"/>): each stores the SHA-256 of the previous entry's hash and its
/// own content, written under the store's write lock so that concurrent writers never fork the chain.
/// <see cref="VerifyAsync"/> recomputes it, so that an entry changed or removed behind the hub's back is found.
/// </remarks>
public interface IAuditLog
{
    /// <summary>Appends an entry at the end of the chain.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored entry's id.</returns>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries about a subject (such as <c>block:42</c> or <c>recall:7</c>), oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<StoredAuditEntry>> ListAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>The latest entries, newest first, optionally only those of one actor.</summary>
    /// <param name="paging">Which page.</param>
    /// <param name="actor">Only this person's entries (compared exactly), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<AuditPage> ListRecentAsync(Paging paging, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the chain from the first entry and stops at the first one that does not match.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
