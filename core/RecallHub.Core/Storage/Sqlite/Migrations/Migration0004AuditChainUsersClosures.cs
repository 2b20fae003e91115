using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>
/// Schema version 4, for the dashboard: the audit log becomes a hash chain (existing rows are chained in id order),
/// local user accounts, and the closing of a recall's follow-up.
/// </summary>
internal static class Migration0004AuditChainUsersClosures
{
    public const string Sql = """
        -- SHA-256 (hex) of the previous row's hash and this row's content (AuditChain); filled for old rows below.
        ALTER TABLE audit_log ADD COLUMN previous_hash TEXT;
        ALTER TABLE audit_log ADD COLUMN hash TEXT;

        -- Dashboard accounts: one per person, since every step is recorded under the account's name.
        CREATE TABLE users (
            id              INTEGER PRIMARY KEY,
            name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role            TEXT NOT NULL CHECK (role IN ('pharmacist', 'assistant', 'admin')),
            password_hash   TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            locked_until    TEXT,
            last_sign_in_at TEXT,
            created_at      TEXT NOT NULL
        ) STRICT;

        -- A recall's follow-up closed by a named person: at most once.
        CREATE TABLE recall_closures (
            recall_id  INTEGER PRIMARY KEY REFERENCES recalls (id),
            closed_by  TEXT NOT NULL,
            closed_at  TEXT NOT NULL,
            note       TEXT
        ) STRICT;
        """;

    // Created after the old rows are chained, since chaining them is an UPDATE.
    private const string Guards = """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log entries are never changed'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log entries are never deleted'); END;
        """;

    /// <summary>Chains the rows written before version 4, oldest first, then forbids updates and deletes.</summary>
    public static async Task ChainExistingRowsAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var rows = await connection.QueryAsync<SqliteAuditLog.EntryRow>(
            $"{SqliteAuditLog.SelectRows} ORDER BY id;", transaction: transaction).ConfigureAwait(false);
        string previous = AuditChain.Genesis;
        foreach (var row in rows)
        {
            string hash = AuditChain.Hash(previous, row.Id, row.At, row.Actor, row.Action, row.Subject, row.Details);
            await connection.ExecuteAsync(
                "UPDATE audit_log SET previous_hash = @previous, hash = @hash WHERE id = @Id;",
                new { previous, hash, row.Id },
                transaction).ConfigureAwait(false);
            previous = hash;
        }

        await connection.ExecuteAsync(Guards, transaction: transaction).ConfigureAwait(false);
    }
}
