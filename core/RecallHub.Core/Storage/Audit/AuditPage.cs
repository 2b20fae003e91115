namespace RecallHub.Core.Storage;

/// <summary>A page of the audit log.</summary>
/// <param name="Items">The entries of the page, newest first.</param>
/// <param name="Total">How many entries match, all pages together.</param>
/// <param name="Paging">The page asked for.</param>
public sealed record AuditPage(IReadOnlyList<StoredAuditEntry> Items, long Total, Paging Paging);
