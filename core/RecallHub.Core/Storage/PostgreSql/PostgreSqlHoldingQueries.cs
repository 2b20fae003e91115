namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>
/// The queries behind <see cref="IScanStore.FindHoldingsAsync"/> on PostgreSQL, for one pharmacy or across all of
/// them. Parameters: <c>@productKey</c>, <c>@lotKeys</c> (a text array) when the recall lists lots, <c>@pharmacy</c>
/// with the pharmacy filter.
/// </summary>
/// <remarks>
/// Both start from <c>ix_pack_scans_product_lot</c> (product key, lot key, pharmacy): with listed lots, one index
/// search per lot and one for the unknown lot (a BitmapOr), so that the cost follows the packs of those lots across
/// every pharmacy and not the size of the table.
/// </remarks>
internal static class PostgreSqlHoldingQueries
{
    private const string ListedLots = " AND (s.lot_key = ANY(@lotKeys) OR s.lot_key IS NULL)";

    // One row per pharmacy and lot (NULL: unknown) of the packs scanned without serial, with its latest scan.
    private const string LotsQuery = """
        WITH g AS (
            SELECT s.pharmacy, s.lot_key,
                   (array_agg(s.id ORDER BY s.scanned_at DESC, s.id DESC))[1] AS last_id,
                   COUNT(*) FILTER (WHERE s.event IN ('reception', 'return')) AS came_in,
                   COUNT(*) FILTER (WHERE s.event IN ('dispensation', 'destruction', 'implantation')) AS went_out,
                   COUNT(*) FILTER (WHERE s.event IN ('dispensation', 'implantation')) AS dispensations
            FROM pack_scans s
            WHERE s.product_key = @productKey AND s.serial IS NULL{0}
            GROUP BY s.pharmacy, s.lot_key)
        SELECT g.pharmacy AS Pharmacy, l.id AS LastScanId, l.gtin14 AS Gtin, l.lot AS Lot, l.expiry AS Expiry, l.production_date AS ProductionDate,
               l.scanned_at AS LastScannedAt, l.workstation AS Workstation, g.came_in AS CameIn, g.went_out AS WentOut, g.dispensations AS Dispensations
        FROM g JOIN pack_scans l ON l.id = g.last_id
        ORDER BY g.pharmacy COLLATE "C", g.lot_key COLLATE "C" NULLS FIRST;
        """;

    // The serialised boxes with a scan of the listed lots, or every box of the product.
    private const string ListedBoxes = "SELECT DISTINCT s.pharmacy, s.serial FROM pack_scans s WHERE s.product_key = @productKey AND s.serial IS NOT NULL{0}";

    private const string AnyBox = "SELECT s.pharmacy, s.serial FROM pack_states s WHERE s.product_key = @productKey{0}";

    // One row per box: its state and last scan from pack_states; its lot, expiry and GTIN from its latest scan that
    // read a lot (a later scan that missed the lot must not hide it).
    private const string BoxesQuery = """
        WITH b (pharmacy, serial) AS ({0})
        SELECT b.pharmacy AS Pharmacy, b.serial AS Serial, st.state AS State, st.last_scan_id AS LastScanId, last.scanned_at AS LastScannedAt,
               last.workstation AS Workstation,
               CASE WHEN x.id IS NULL THEN last.gtin14 ELSE x.gtin14 END AS Gtin,
               CASE WHEN x.id IS NULL THEN last.lot ELSE x.lot END AS Lot,
               CASE WHEN x.id IS NULL THEN last.expiry ELSE x.expiry END AS Expiry,
               CASE WHEN x.id IS NULL THEN last.production_date ELSE x.production_date END AS ProductionDate
        FROM b
        JOIN pack_states st ON st.pharmacy = b.pharmacy AND st.product_key = @productKey AND st.serial = b.serial
        JOIN pack_scans last ON last.id = st.last_scan_id
        LEFT JOIN LATERAL (
            SELECT y.id, y.gtin14, y.lot, y.expiry, y.production_date FROM pack_scans y
            WHERE y.product_key = @productKey AND y.serial = b.serial AND y.pharmacy = b.pharmacy AND y.lot_key IS NOT NULL
            ORDER BY y.scanned_at DESC, y.id DESC LIMIT 1) x ON last.lot_key IS NULL
        ORDER BY b.pharmacy COLLATE "C", b.serial COLLATE "C";
        """;

    /// <summary>The packs scanned without serial, one row per pharmacy and lot.</summary>
    /// <param name="listedLots">Whether <c>@lotKeys</c> restricts the lots.</param>
    /// <param name="pharmacyFilter">The session's filter on <c>s.pharmacy</c>.</param>
    public static string Lots(bool listedLots, string pharmacyFilter) =>
        LotsQuery.Replace("{0}", (listedLots ? ListedLots : "") + pharmacyFilter, StringComparison.Ordinal);

    /// <summary>The serialised boxes, one row each.</summary>
    /// <param name="listedLots">Whether <c>@lotKeys</c> restricts the lots.</param>
    /// <param name="pharmacyFilter">The session's filter on <c>s.pharmacy</c>.</param>
    public static string Boxes(bool listedLots, string pharmacyFilter) =>
        BoxesQuery.Replace("{0}", listedLots ? ListedBoxes.Replace("{0}", ListedLots + pharmacyFilter, StringComparison.Ordinal) : AnyBox.Replace("{0}", pharmacyFilter, StringComparison.Ordinal), StringComparison.Ordinal);
}
