namespace RecallHub.Core.Storage.PostgreSql.Migrations;

/// <summary>Every PostgreSQL schema step the code knows, in order. Append new steps; never edit one that has shipped.</summary>
/// <remarks>
/// The PostgreSQL schema has its own numbering: its version 1 is the end state of SQLite's versions 1 to 4 (and the
/// outbox leases of SQLite's 6), with the pharmacy on every per-pharmacy table.
/// </remarks>
internal static class PostgreSqlMigrations
{
    /// <summary>The steps, by version.</summary>
    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        new(1, "initial schema: recalls, scans, blocks, follow-up, audit chain, users and outbox, per pharmacy", Migration0001InitialSchema.Sql),
        new(2, "the hosts' shared data-protection key ring", Migration0002DataProtectionKeys.Sql),
    ];

    /// <summary>The schema version this code leads to.</summary>
    public static int Latest => All[^1].Version;
}
