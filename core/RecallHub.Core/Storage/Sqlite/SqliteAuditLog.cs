using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>
/// The audit log on SQLite: <c>audit_log</c>, a hash chain appended to and read, never updated (triggers refuse
/// updates and deletes).
/// </summary>
internal sealed class SqliteAuditLog(SqliteStoreSession session) : IAuditLog
{
    /// <summary>Selects <see cref="EntryRow"/> columns; callers add the clauses.</summary>
    public const string SelectRows =
        "SELECT id AS Id, at AS At, actor AS Actor, action AS Action, subject AS Subject, details AS Details, previous_hash AS PreviousHash, hash AS Hash FROM audit_log";

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
                    // Under the write lock (IMMEDIATE transaction): nobody else appends between this read and the insert.
                    var last = await session.Connection.QuerySingleOrDefaultAsync<(long Id, string? Hash)?>(
                        "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1;", transaction: transaction).ConfigureAwait(false);
                    long id = (last?.Id ?? 0) + 1;
                    string previous = last?.Hash ?? AuditChain.Genesis;
                    string at = SqliteValues.Instant(entry.At);
                    string hash = AuditChain.Hash(previous, id, at, entry.Actor, entry.Action, entry.Subject, entry.Details);
                    await session.Connection.ExecuteAsync(
                        "INSERT INTO audit_log (id, at, actor, action, subject, details, previous_hash, hash) VALUES (@id, @at, @Actor, @Action, @Subject, @Details, @previous, @hash);",
                        new { id, at, entry.Actor, entry.Action, entry.Subject, entry.Details, previous, hash },
                        transaction).ConfigureAwait(false);
                    return id;
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
            $"{SelectRows} WHERE subject = @subject ORDER BY at, id;",
            new { subject },
            session.Transaction).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToStored())];
    }

    public async Task<AuditPage> ListRecentAsync(Paging paging, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paging);
        paging.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        string where = actor is null ? "" : " WHERE actor = @actor";
        long total = await session.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM audit_log{where};", new { actor }, session.Transaction).ConfigureAwait(false);
        var rows = await session.Connection.QueryAsync<EntryRow>(
            $"{SelectRows}{where} ORDER BY id DESC LIMIT @Limit OFFSET @Offset;",
            new { actor, paging.Limit, paging.Offset },
            session.Transaction).ConfigureAwait(false);
        return new AuditPage([.. rows.Select(r => r.ToStored())], total, paging);
    }

    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var walk = new AuditChainWalk();
        long afterId = 0;

        // In pages, so that a large log is never held in memory whole.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = (await session.Connection.QueryAsync<EntryRow>(
                $"{SelectRows} WHERE id > @afterId ORDER BY id LIMIT 1000;",
                new { afterId },
                session.Transaction).ConfigureAwait(false)).ToList();
            if (rows.Count == 0)
            {
                return walk.Success();
            }

            foreach (var row in rows)
            {
                if (walk.Next(row.Id, row.At, row.Actor, row.Action, row.Subject, row.Details, row.PreviousHash, row.Hash) is { } broken)
                {
                    return broken;
                }

                afterId = row.Id;
            }
        }
    }

    /// <summary>An <c>audit_log</c> row.</summary>
    internal sealed class EntryRow
    {
        public long Id { get; set; }

        public string At { get; set; } = "";

        public string Actor { get; set; } = "";

        public string Action { get; set; } = "";

        public string Subject { get; set; } = "";

        public string? Details { get; set; }

        public string? PreviousHash { get; set; }

        public string? Hash { get; set; }

        public StoredAuditEntry ToStored() =>
            new(Id, new AuditEntry(SqliteValues.ReadInstant(At), Actor, Action, Subject, Details), Hash);
    }
}
