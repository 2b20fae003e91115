namespace RecallHub.Core.Storage.Sqlite;

/// <summary>
/// The queries behind <see cref="IScanStore.FindHoldingsAsync"/>. Parameters: <c>@productKey</c>, and
/// <c>@lotKeys</c> (normalised lots, expanded by Dapper) when the recall lists lots.
/// </summary>
/// <remarks>
/// With listed lots, both start from the ids of the product's scans of those lots or of no known lot, read from
/// <c>ix_pack_scans_product_lot</c> alone (a covering index search per lot), so that the cost follows the packs of those
/// lots and not the size of the table; for every lot, boxes come from <c>pack_states</c> (one row per box). The lot filter is a UNION ALL and not <c>lot_key IN (…) OR lot_key IS NULL</c>:
/// with the OR, SQLite searches the index on the product only and reads every scan of the product.
/// </remarks>
internal static class SqliteHoldingQueries
{
    private const string AnyLot = """
        WITH hit (id) AS (SELECT id FROM pack_scans WHERE product_key = @productKey)
        """;

    private const string ListedLots = """
        WITH hit (id) AS (
            SELECT id FROM pack_scans WHERE product_key = @productKey AND lot_key IN @lotKeys
            UNION ALL
            SELECT id FROM pack_scans WHERE product_key = @productKey AND lot_key IS NULL)
        """;

    // One row per lot (NULL: unknown) of the packs scanned without serial. With a single MAX() in the query, SQLite
    // takes the bare columns from the row holding the maximum: the latest scan (by time, then id).
    private const string LotsQuery = """
        SELECT MAX(s.scanned_at || printf('%020d', s.id)) AS Latest,
               s.id AS LastScanId, s.gtin14 AS Gtin, s.lot AS Lot, s.expiry AS Expiry, s.production_date AS ProductionDate,
               s.scanned_at AS LastScannedAt, s.workstation AS Workstation,
               SUM(s.event IN ('reception', 'return')) AS CameIn,
               SUM(s.event IN ('dispensation', 'destruction', 'implantation')) AS WentOut,
               SUM(s.event IN ('dispensation', 'implantation')) AS Dispensations
        FROM hit JOIN pack_scans s ON s.id = hit.id
        WHERE s.serial IS NULL
        GROUP BY s.lot_key
        ORDER BY s.lot_key;
        """;

    // The serialised boxes with a scan of the listed lots, or every box of the product (one pack_states row each).
    private const string ListedBoxes = """
        , b (serial) AS (SELECT DISTINCT s.serial FROM hit JOIN pack_scans s ON s.id = hit.id WHERE s.serial IS NOT NULL)
        """;

    private const string AnyBox = """
        WITH b (serial) AS (SELECT serial FROM pack_states WHERE product_key = @productKey)
        """;

    // One row per box: its state and last scan from pack_states; its lot, expiry and GTIN from its latest scan that
    // read a lot, which pack_states names too (a later scan that missed the lot must not hide it).
    private const string BoxesQuery = """
        SELECT b.serial AS Serial, st.state AS State, st.last_scan_id AS LastScanId, last.scanned_at AS LastScannedAt,
               last.workstation AS Workstation, best.gtin14 AS Gtin, best.lot AS Lot, best.expiry AS Expiry,
               best.production_date AS ProductionDate
        FROM b
        JOIN pack_states st ON st.product_key = @productKey AND st.serial = b.serial
        JOIN pack_scans last ON last.id = st.last_scan_id
        JOIN pack_scans best ON best.id = COALESCE(st.lot_scan_id, st.last_scan_id)
        ORDER BY b.serial;
        """;

    private const string LotsOfAnyLot = AnyLot + "\n" + LotsQuery;
    private const string LotsOfListedLots = ListedLots + "\n" + LotsQuery;
    private const string BoxesOfAnyLot = AnyBox + "\n" + BoxesQuery;
    private const string BoxesOfListedLots = ListedLots + "\n" + ListedBoxes + "\n" + BoxesQuery;

    /// <summary>The packs scanned without serial, one row per lot.</summary>
    /// <param name="listedLots">Whether <c>@lotKeys</c> restricts the lots.</param>
    public static string Lots(bool listedLots) => listedLots ? LotsOfListedLots : LotsOfAnyLot;

    /// <summary>The serialised boxes, one row each.</summary>
    /// <param name="listedLots">Whether <c>@lotKeys</c> restricts the lots.</param>
    public static string Boxes(bool listedLots) => listedLots ? BoxesOfListedLots : BoxesOfAnyLot;
}
