using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>One numbered step of the SQLite schema, applied once in its own transaction.</summary>
/// <param name="Version">The schema version this step leads to: 1, 2, 3… without gaps.</param>
/// <param name="Name">What the step does, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">The statements; they must not manage transactions themselves.</param>
internal sealed record SqliteMigration(int Version, string Name, string Sql)
{
    /// <summary>
    /// Whether the step runs with foreign keys off: needed to rebuild a table that others reference (SQLite's
    /// documented way to change a constraint). The migrator then runs <c>PRAGMA foreign_key_check</c> before
    /// committing and rolls the step back if any reference is broken.
    /// </summary>
    public bool ForeignKeysOff { get; init; }

    /// <summary>
    /// Work SQL alone cannot do (hashing existing rows), run after <see cref="Sql"/> in the same transaction;
    /// <see langword="null"/> for most steps.
    /// </summary>
    public Func<SqliteConnection, SqliteTransaction, Task>? Then { get; init; }
}
