namespace RecallHub.Core.Storage;

/// <summary>An audit entry as stored.</summary>
/// <param name="Id">The entry's id, increasing.</param>
/// <param name="Entry">The entry.</param>
public sealed record StoredAuditEntry(long Id, AuditEntry Entry);
