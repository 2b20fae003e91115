namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>
/// Schema version 1. Instants are UTC text (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, sortable), dates are
/// <c>yyyy-MM-dd</c>, enums are snake_case text, JSON is text.
/// </summary>
internal static class Migration0001InitialSchema
{
    public const string Sql = """
        -- One row per logical recall, whatever the number of sources that published it.
        CREATE TABLE recalls (
            id             INTEGER PRIMARY KEY,
            alert_number   TEXT,                       -- normalised (upper case, no spaces); links sources
            kind           TEXT NOT NULL,
            title          TEXT NOT NULL,
            recall_levels  INTEGER NOT NULL DEFAULT 0,
            published_at   TEXT NOT NULL,
            status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX ux_recalls_alert_number ON recalls (alert_number) WHERE alert_number IS NOT NULL;
        CREATE INDEX ix_recalls_status_published ON recalls (status, published_at);

        -- Which (source, source_id) belongs to which recall, and why: the first one created it ('origin'), the
        -- others were linked to it ('alert_number').
        CREATE TABLE recall_links (
            source         TEXT NOT NULL,
            source_id      TEXT NOT NULL,
            recall_id      INTEGER NOT NULL REFERENCES recalls (id),
            link_reason    TEXT NOT NULL CHECK (link_reason IN ('origin', 'alert_number')),
            link_value     TEXT,
            linked_at      TEXT NOT NULL,
            PRIMARY KEY (source, source_id)
        ) STRICT;
        CREATE INDEX ix_recall_links_recall ON recall_links (recall_id);

        -- Every version of every notice as received; the latest of each (source, source_id) is current.
        CREATE TABLE recall_revisions (
            id                  INTEGER PRIMARY KEY,
            recall_id           INTEGER NOT NULL REFERENCES recalls (id),
            source              TEXT NOT NULL,
            source_id           TEXT NOT NULL,
            version             INTEGER NOT NULL CHECK (version >= 1),
            content_sha256      TEXT NOT NULL,
            notice_json         TEXT NOT NULL,     -- RecallNoticeJson.Serialize, raw payload left out
            raw_payload         TEXT,
            received_at         TEXT NOT NULL,
            change_summary_json TEXT,              -- null for the revision that created the recall
            is_current          INTEGER NOT NULL CHECK (is_current IN (0, 1)),
            FOREIGN KEY (source, source_id) REFERENCES recall_links (source, source_id)
        ) STRICT;
        CREATE INDEX ix_recall_revisions_source ON recall_revisions (source, source_id, version);
        CREATE INDEX ix_recall_revisions_recall ON recall_revisions (recall_id, is_current);

        -- The products of each revision, with the key scans are matched on.
        CREATE TABLE recall_products (
            id             INTEGER PRIMARY KEY,
            recall_id      INTEGER NOT NULL REFERENCES recalls (id),
            revision_id    INTEGER NOT NULL REFERENCES recall_revisions (id),
            product_index  INTEGER NOT NULL,
            code_scheme    TEXT NOT NULL,
            code           TEXT NOT NULL,
            product_key    TEXT NOT NULL,
            label          TEXT,
            all_lots       INTEGER NOT NULL CHECK (all_lots IN (0, 1)),
            selector_json  TEXT NOT NULL,
            UNIQUE (revision_id, product_index)
        ) STRICT;
        CREATE INDEX ix_recall_products_key ON recall_products (product_key);
        CREATE INDEX ix_recall_products_recall ON recall_products (recall_id);

        -- The listed lots of each product, normalised, so that scans can be matched in SQL too.
        CREATE TABLE recall_lots (
            recall_product_id INTEGER NOT NULL REFERENCES recall_products (id),
            lot            TEXT NOT NULL,
            lot_key        TEXT NOT NULL,          -- upper case, no white space
            expiry         TEXT
        ) STRICT;
        CREATE INDEX ix_recall_lots_product ON recall_lots (recall_product_id);
        CREATE INDEX ix_recall_lots_lot ON recall_lots (lot_key);

        -- Every pack scanned by the pharmacy, as read.
        CREATE TABLE pack_scans (
            id              INTEGER PRIMARY KEY,
            raw_code        TEXT NOT NULL CHECK (length(raw_code) > 0),
            scheme          TEXT NOT NULL,
            gtin14          TEXT,
            product_key     TEXT,
            lot             TEXT,
            lot_key         TEXT,
            serial          TEXT,
            expiry          TEXT,
            production_date TEXT,
            event           TEXT NOT NULL CHECK (event IN ('reception', 'dispensation', 'return', 'destruction', 'implantation')),
            scanned_at      TEXT NOT NULL,
            workstation     TEXT,
            operator        TEXT
        ) STRICT;
        CREATE INDEX ix_pack_scans_product_lot ON pack_scans (product_key, lot_key);
        CREATE INDEX ix_pack_scans_product_serial ON pack_scans (product_key, serial);

        -- The last known state of each serialised pack.
        CREATE TABLE pack_states (
            product_key    TEXT NOT NULL,
            serial         TEXT NOT NULL,
            state          TEXT NOT NULL CHECK (state IN ('in_stock', 'dispensed', 'destroyed', 'implanted')),
            last_scan_id   INTEGER NOT NULL,       -- a pack_scans id; no foreign key: scans are never deleted, and the check costs 15 % of bulk imports
            changed_at     TEXT NOT NULL,
            PRIMARY KEY (product_key, serial)
        ) STRICT, WITHOUT ROWID;

        -- Packs blocked because of a recall, and who lifted the block.
        CREATE TABLE stock_blocks (
            id             INTEGER PRIMARY KEY,
            recall_id      INTEGER NOT NULL REFERENCES recalls (id),
            scan_id        INTEGER REFERENCES pack_scans (id),
            product_key    TEXT NOT NULL,
            lot            TEXT,
            serial         TEXT,
            since          TEXT NOT NULL,
            reason         TEXT NOT NULL,
            lifted_at      TEXT,
            lifted_by      TEXT,
            lift_reason    TEXT,
            CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
        ) STRICT;
        CREATE UNIQUE INDEX ux_stock_blocks_recall_scan ON stock_blocks (recall_id, scan_id) WHERE scan_id IS NOT NULL;
        CREATE INDEX ix_stock_blocks_active ON stock_blocks (product_key, lifted_at);

        -- A named person acknowledged a recall.
        CREATE TABLE acknowledgements (
            id             INTEGER PRIMARY KEY,
            recall_id      INTEGER NOT NULL REFERENCES recalls (id),
            acknowledged_by TEXT NOT NULL,
            acknowledged_at TEXT NOT NULL,
            note           TEXT
        ) STRICT;
        CREATE INDEX ix_acknowledgements_recall ON acknowledgements (recall_id);

        -- What was done about a recall (quarantined, returned, destroyed, patients contacted…).
        CREATE TABLE recall_actions (
            id             INTEGER PRIMARY KEY,
            recall_id      INTEGER NOT NULL REFERENCES recalls (id),
            action         TEXT NOT NULL,
            quantity       INTEGER,
            performed_by   TEXT NOT NULL,
            performed_at   TEXT NOT NULL,
            note           TEXT
        ) STRICT;
        CREATE INDEX ix_recall_actions_recall ON recall_actions (recall_id);

        -- Who did what, when (hash chaining comes later).
        CREATE TABLE audit_log (
            id             INTEGER PRIMARY KEY,
            at             TEXT NOT NULL,
            actor          TEXT NOT NULL,
            action         TEXT NOT NULL,
            subject        TEXT NOT NULL,
            details        TEXT
        ) STRICT;
        CREATE INDEX ix_audit_log_subject ON audit_log (subject, at);

        -- Events waiting for each sink, in order per sink; rows are never deleted on failure.
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY,
            sink_id         TEXT NOT NULL,
            sequence        INTEGER NOT NULL,
            event_type      TEXT NOT NULL,
            payload_json    TEXT NOT NULL,
            created_at      TEXT NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            delivered_at    TEXT,
            last_error      TEXT,
            UNIQUE (sink_id, sequence)
        ) STRICT;
        CREATE INDEX ix_outbox_sink_pending ON outbox (sink_id, delivered_at, sequence);

        -- How far each pull source has read.
        CREATE TABLE source_checkpoints (
            source_id      TEXT PRIMARY KEY,
            checkpoint     TEXT NOT NULL,
            updated_at     TEXT NOT NULL
        ) STRICT;
        """;
}
