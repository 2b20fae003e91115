namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>
/// Schema version 5, for bulk imports: each serialised box's row in <c>pack_states</c> names its latest scan that read
/// a lot (<c>lot_scan_id</c>), so that its holdings no longer look the box's scans up by serial, and
/// <c>ix_pack_scans_product_serial</c> goes; <c>pack_states.changed_at</c>, a copy of its last scan's time, goes too.
/// Every stored scan wrote to that index and that table, all over the file since both are keyed by product: what an
/// import commits grows with their size (docs/benchmarks.md).
/// </summary>
internal static class Migration0005PackStateLotScan
{
    public const string Sql = """
        -- The box's latest scan (by scanned_at, then id) whose lot_key is not NULL; NULL when no scan of it read a lot.
        ALTER TABLE pack_states ADD COLUMN lot_scan_id INTEGER;

        -- Filled for the boxes already stored with the index that is dropped next, as the holdings query chose it.
        UPDATE pack_states SET lot_scan_id = (
            SELECT x.id FROM pack_scans x
            WHERE x.product_key = pack_states.product_key AND x.serial = pack_states.serial AND x.lot_key IS NOT NULL
            ORDER BY x.scanned_at DESC, x.id DESC LIMIT 1);

        DROP INDEX ix_pack_scans_product_serial;

        -- Always the scanned_at of last_scan_id: read from there, so that each row of this B-tree is a third smaller.
        ALTER TABLE pack_states DROP COLUMN changed_at;
        """;
}
