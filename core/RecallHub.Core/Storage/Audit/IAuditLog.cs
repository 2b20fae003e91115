namespace RecallHub.Core.Storage;

/// <summary>Who did what, when: overrides, acknowledgements, settings. Entries are never changed or deleted.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored entry's id.</returns>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries about a subject (such as <c>block:42</c> or <c>recall:7</c>), oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<StoredAuditEntry>> ListAsync(string subject, CancellationToken cancellationToken = default);
}
