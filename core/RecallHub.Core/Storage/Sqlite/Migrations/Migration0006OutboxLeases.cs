namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>
/// Schema version 6: which host delivers each sink's events, until when (<see cref="IOutboxStore.TryClaimAsync"/>), so
/// that two hosts on one store do not deliver a sink twice.
/// </summary>
internal static class Migration0006OutboxLeases
{
    public const string Sql = """
        CREATE TABLE outbox_leases (
            sink_id      TEXT PRIMARY KEY,
            holder       TEXT,
            lease_until  TEXT
        ) STRICT;
        """;
}
