using Dapper;
using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>
/// The audit log on PostgreSQL: <c>audit_log</c>, one hash chain per pharmacy, appended to and read, never updated (a
/// trigger refuses updates and deletes).
/// </summary>
internal sealed class PostgreSqlAuditLog(PostgreSqlStoreSession session) : IAuditLog
{
    private const string SelectRows =
        "SELECT id AS Id, pharmacy AS Pharmacy, at AS At, actor AS Actor, action AS Action, subject AS Subject, details AS Details, previous_hash AS PreviousHash, hash AS Hash FROM audit_log";

    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Actor, $"{nameof(entry)}.{nameof(entry.Actor)}");
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action, $"{nameof(entry)}.{nameof(entry.Action)}");
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Subject, $"{nameof(entry)}.{nameof(entry.Subject)}");
        string pharmacy = session.Scope.Pharmacy;
        return session.WriteAsync(
            async transaction =>
            {
                var connection = session.Connection;
                try
                {
                    // One appender per pharmacy's chain until the transaction ends: nobody else appends between this
                    // read and the insert, and ids taken under the lock follow the chain's order.
                    await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('audit_log:' || @pharmacy, 0));", new { pharmacy }, transaction).ConfigureAwait(false);
                    string previous = await connection.QuerySingleOrDefaultAsync<string?>(
                        "SELECT hash FROM audit_log WHERE pharmacy = @pharmacy ORDER BY id DESC LIMIT 1;", new { pharmacy }, transaction).ConfigureAwait(false)
                        ?? AuditChain.Genesis;
                    long id = await connection.ExecuteScalarAsync<long>("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'));", transaction: transaction).ConfigureAwait(false);
                    var at = PostgreSqlValues.Instant(entry.At);
                    string hash = AuditChain.Hash(previous, id, StoreValues.Instant(at), entry.Actor, entry.Action, entry.Subject, entry.Details);
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO audit_log (id, pharmacy, at, actor, action, subject, details, previous_hash, hash)
                        VALUES (@id, @pharmacy, @at, @Actor, @Action, @Subject, @Details, @previous, @hash);
                        """,
                        new { id, pharmacy, at, entry.Actor, entry.Action, entry.Subject, entry.Details, previous, hash },
                        transaction).ConfigureAwait(false);
                    return id;
                }
                catch (PostgresException e)
                {
                    throw session.Error($"The audit entry '{entry.Action}' on {entry.Subject} by {entry.Actor} could not be written", e);
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<StoredAuditEntry>> ListAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await session.Connection.QueryAsync<EntryRow>(
            $"{SelectRows} WHERE subject = @subject{session.PharmacyFilter()} ORDER BY at, id;",
            new { subject, pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToStored())];
    }

    public async Task<AuditPage> ListRecentAsync(Paging paging, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paging);
        paging.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        string where = "WHERE TRUE" + (actor is null ? "" : " AND actor = @actor") + session.PharmacyFilter();
        var parameters = new { actor, pharmacy = session.ReadPharmacy, paging.Limit, paging.Offset };
        long total = await session.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM audit_log {where};", parameters, session.Transaction).ConfigureAwait(false);
        var rows = await session.Connection.QueryAsync<EntryRow>(
            $"{SelectRows} {where} ORDER BY id DESC LIMIT @Limit OFFSET @Offset;", parameters, session.Transaction).ConfigureAwait(false);
        return new AuditPage([.. rows.Select(r => r.ToStored())], total, paging);
    }

    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        // A session for all pharmacies checks every pharmacy's chain, one after the other.
        var walk = new AuditChainWalk();
        string? pharmacy = null;
        (string Pharmacy, long Id) after = ("", 0);
        bool first = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = (await session.Connection.QueryAsync<EntryRow>(
                $"{SelectRows} WHERE (pharmacy, id) > (@AfterPharmacy, @AfterId){session.PharmacyFilter()} ORDER BY pharmacy, id LIMIT 1000;",
                new { AfterPharmacy = after.Pharmacy, AfterId = first ? -1 : after.Id, pharmacy = session.ReadPharmacy },
                session.Transaction).ConfigureAwait(false)).ToList();
            first = false;
            if (rows.Count == 0)
            {
                return walk.Success();
            }

            foreach (var row in rows)
            {
                if (pharmacy is not null && pharmacy != row.Pharmacy)
                {
                    walk.Restart();
                }

                pharmacy = row.Pharmacy;
                var at = PostgreSqlValues.ReadInstant(row.At);
                if (walk.Next(row.Id, StoreValues.Instant(at), row.Actor, row.Action, row.Subject, row.Details, row.PreviousHash, row.Hash) is { } broken)
                {
                    return broken;
                }

                after = (row.Pharmacy, row.Id);
            }
        }
    }

    /// <summary>An <c>audit_log</c> row.</summary>
    private sealed class EntryRow
    {
        public long Id { get; set; }

        public string Pharmacy { get; set; } = "";

        public DateTime At { get; set; }

        public string Actor { get; set; } = "";

        public string Action { get; set; } = "";

        public string Subject { get; set; } = "";

        public string? Details { get; set; }

        public string? PreviousHash { get; set; }

        public string? Hash { get; set; }

        public StoredAuditEntry ToStored() =>
            new(Id, new AuditEntry(PostgreSqlValues.ReadInstant(At), Actor, Action, Subject, Details), Hash);
    }
}
