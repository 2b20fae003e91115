namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>Every schema step the code knows, in order. Append new steps; never edit one that has shipped.</summary>
internal static class SqliteMigrations
{
    /// <summary>The steps, by version.</summary>
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema", Migration0001InitialSchema.Sql),
        new(2, "block identity, plugin state, links by product and lots", Migration0002BlocksPluginStateProductLinks.Sql) { ForeignKeysOff = true },
        new(3, "scans handed over to a patient: sealed patient, prescriber, place", Migration0003ScanHandover.Sql),
        new(4, "hash-chained audit log, user accounts, recall closures", Migration0004AuditChainUsersClosures.Sql) { Then = Migration0004AuditChainUsersClosures.ChainExistingRowsAsync },
        new(5, "each box's latest scan with a lot in pack_states; no scan index by serial", Migration0005PackStateLotScan.Sql),
        new(6, "outbox delivery leases per sink", Migration0006OutboxLeases.Sql),
    ];

    /// <summary>The schema version this code leads to.</summary>
    public static int Latest => All[^1].Version;
}
