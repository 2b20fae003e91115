namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>
/// Schema version 2: stock blocks identified by recall and pack, the plugins' key/value state, and notices linked by
/// product and lots (<c>recall_links.link_reason = 'product_lots'</c>).
/// </summary>
/// <remarks>
/// SQLite cannot change a CHECK constraint, so <c>recall_links</c> is rebuilt the documented way (create the new
/// table, copy, drop the old one, rename, recreate its index). <c>recall_revisions</c> references it, so the step runs
/// with foreign keys off and the migrator checks them before committing (<see cref="SqliteMigration.ForeignKeysOff"/>).
/// </remarks>
internal static class Migration0002BlocksPluginStateProductLinks
{
    public const string Sql = """
        -- A block is one pack of one recall: two scans of the same box, or of the same lot without serial, are one block.
        ALTER TABLE stock_blocks ADD COLUMN gtin14 TEXT;
        ALTER TABLE stock_blocks ADD COLUMN lot_key TEXT;           -- upper case, no white space, as pack_scans.lot_key
        ALTER TABLE stock_blocks ADD COLUMN expiry TEXT;
        ALTER TABLE stock_blocks ADD COLUMN workstation TEXT;
        ALTER TABLE stock_blocks ADD COLUMN needs_manual_check INTEGER NOT NULL DEFAULT 0 CHECK (needs_manual_check IN (0, 1));

        -- Schema 1 had no code writing blocks; rows put there by hand get the same key as far as SQL can compute it.
        UPDATE stock_blocks
        SET lot_key = upper(replace(replace(replace(replace(replace(replace(lot, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(12), ''), char(160), ''))
        WHERE lot IS NOT NULL;

        -- Several scans of one box (or lot) lead to one block, so the scan no longer identifies it.
        DROP INDEX ux_stock_blocks_recall_scan;
        CREATE UNIQUE INDEX ux_stock_blocks_pack ON stock_blocks (recall_id, product_key, COALESCE(lot_key, ''), COALESCE(serial, ''));

        -- The plugins' durable key/value state, one namespace per plugin.
        CREATE TABLE plugin_state (
            plugin_id      TEXT NOT NULL,
            key            TEXT NOT NULL,
            value          TEXT NOT NULL,
            updated_at     TEXT NOT NULL,
            PRIMARY KEY (plugin_id, key)
        ) STRICT;

        -- recall_links gains the 'product_lots' reason: a notice of another source naming the same product and lots.
        CREATE TABLE recall_links_v2 (
            source         TEXT NOT NULL,
            source_id      TEXT NOT NULL,
            recall_id      INTEGER NOT NULL REFERENCES recalls (id),
            link_reason    TEXT NOT NULL CHECK (link_reason IN ('origin', 'alert_number', 'product_lots')),
            link_value     TEXT,
            linked_at      TEXT NOT NULL,
            PRIMARY KEY (source, source_id)
        ) STRICT;
        INSERT INTO recall_links_v2 (source, source_id, recall_id, link_reason, link_value, linked_at)
        SELECT source, source_id, recall_id, link_reason, link_value, linked_at FROM recall_links;
        DROP TABLE recall_links;
        ALTER TABLE recall_links_v2 RENAME TO recall_links;
        CREATE INDEX ix_recall_links_recall ON recall_links (recall_id);
        """;
}
