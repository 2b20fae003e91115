using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>The audit log on SQLite: <c>audit_log</c>, appended to and read, never updated.</summary>
internal sealed class SqliteAuditLog(SqliteStoreSession session) : IAuditLog
{
    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Actor, $"{nameof(entry)}.{nameof(entry.Actor)}");
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action, $"{nameof(entry)}.{nameof(entry.Action)}");
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Subject, $"{nameof(entry)}.{nameof(entry.Subject)}");
        return session.WriteAsync(
            async transaction =>
            {
                try
                {
                    return await session.Connection.ExecuteScalarAsync<long>(
                        "INSERT INTO audit_log (at, actor, action, subject, details) VALUES (@At, @Actor, @Action, @Subject, @Details) RETURNING id;",
                        new { At = SqliteValues.Instant(entry.At), entry.Actor, entry.Action, entry.Subject, entry.Details },
                        transaction).ConfigureAwait(false);
                }
                catch (SqliteException e)
                {
                    throw new StoreException($"The audit entry '{entry.Action}' on {entry.Subject} by {entry.Actor} could not be written to '{session.Path}': {e.Message}", e);
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<StoredAuditEntry>> ListAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        cancellationToken.ThrowIfCancellationRequested();

        // ix_audit_log_subject (subject, at): entries written in the same instant keep their order by id.
        var rows = await session.Connection.QueryAsync<EntryRow>(
            "SELECT id AS Id, at AS At, actor AS Actor, action AS Action, subject AS Subject, details AS Details FROM audit_log WHERE subject = @subject ORDER BY at, id;",
            new { subject },
            session.Transaction).ConfigureAwait(false);
        return rows.Select(r => new StoredAuditEntry(r.Id, new AuditEntry(SqliteValues.ReadInstant(r.At), r.Actor, r.Action, r.Subject, r.Details))).ToList();
    }

    /// <summary>An <c>audit_log</c> row.</summary>
    private sealed class EntryRow
    {
        public long Id { get; set; }

        public string At { get; set; } = "";

        public string Actor { get; set; } = "";

        public string Action { get; set; } = "";

        public string Subject { get; set; } = "";

        public string? Details { get; set; }
    }
}
