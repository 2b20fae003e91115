namespace RecallHub.Core.Storage;

/// <summary>An audit entry as stored.</summary>
/// <param name="Id">The entry's id, increasing.</param>
/// <param name="Entry">The entry.</param>
/// <param name="Hash">The entry's chain hash (<see cref="AuditChain"/>), or <see langword="null"/> when not read.</param>
public sealed record StoredAuditEntry(long Id, AuditEntry Entry, string? Hash = null);
