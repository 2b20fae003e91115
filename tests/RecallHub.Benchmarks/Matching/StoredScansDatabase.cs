using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Core.Storage.Sqlite;

namespace RecallHub.Benchmarks.Matching;

/// <summary>
/// A store holding 10 000 000 pack scans, built once and kept in the temporary folder under a name that changes with
/// <see cref="DataVersion"/> and the schema version, so that a change to either builds a new one.
/// </summary>
/// <remarks>
/// <para>
/// 20 000 CIP13 products × 10 lots × 50 scans. In each lot, scans 0–24 are serialised boxes (13 boxes: a reception,
/// then for 12 of them a dispensation, a return or a destruction), scans 25–48 are boxes scanned without serial (every
/// fifth one dispensed) and scan 49 is a plain EAN-13 without lot. <c>pack_states</c> holds the 2 600 000 boxes.
/// </para>
/// <para>
/// Built with set-based SQL (recursive CTEs, <c>INSERT … SELECT</c>), without the scan indexes, which are created
/// afterwards; the file is built under another name and renamed when complete, so a build that was interrupted is
/// never used. No <c>ANALYZE</c>: the queries must be planned as in a pharmacy's store.
/// </para>
/// </remarks>
internal static class StoredScansDatabase
{
    /// <summary>Change when the generated data changes.</summary>
    public const string DataVersion = "scans10m-v1";

    public const int Products = 20_000;
    public const int LotsPerProduct = 10;
    public const int ScansPerLot = 50;
    public const int ScansPerProduct = LotsPerProduct * ScansPerLot;
    public const int SerialisedScansPerLot = 25;
    public const int BoxesPerLot = (SerialisedScansPerLot + 1) / 2;
    public const long Scans = (long)Products * ScansPerProduct;

    /// <summary>The product key (GTIN-14 of a valid CIP13) of product <paramref name="n"/>.</summary>
    public static string ProductKey(int n) => "0" + Cip13(n);

    /// <summary>A valid CIP13, numbered <paramref name="n"/>; keys sort in the order of <paramref name="n"/>.</summary>
    public static string Cip13(int n)
    {
        string body = "34009" + (1_000_000 + (n * 37)).ToString("D7", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Lot <paramref name="lot"/> (0–9) of product <paramref name="product"/>: <c>B01234</c>.</summary>
    public static string Lot(int product, int lot) => (char)('A' + lot) + product.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The expiry of the packs of lot <paramref name="lot"/>.</summary>
    public static DateOnly Expiry(int lot) => new(2028, lot + 1, 28);

    /// <summary>The database file, built first when missing.</summary>
    /// <param name="log">Where to say what takes time.</param>
    public static async Task<string> EnsureAsync(TextWriter log)
    {
        string folder = Path.Combine(Path.GetTempPath(), "recallhub-benchmarks", $"{DataVersion}-schema{SqliteRecallHubStore.SchemaVersion}");
        string path = Path.Combine(folder, "recallhub.db");
        if (File.Exists(path))
        {
            log.WriteLine($"// Stored scans: reusing {path}");
            return path;
        }

        Directory.CreateDirectory(folder);
        string building = Path.Combine(folder, "building.db");
        foreach (string stale in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(stale);
        }

        var total = Stopwatch.StartNew();
        using (await SqliteRecallHubStore.OpenAsync(building, TimeProvider.System))
        {
            // The schema, by the migrations.
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={building};Pooling=False"))
        {
            connection.Open();

            // Nobody else uses the file while it is built: no journal, no fsync, a large cache for the index sorts.
            Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;");
            Execute(connection, "DROP INDEX ix_pack_scans_product_lot;");
            Execute(connection, "CREATE TEMP TABLE bench_products (pn INTEGER PRIMARY KEY, key TEXT NOT NULL);");
            using (var transaction = connection.BeginTransaction())
            using (var insert = new SqliteCommand("INSERT INTO bench_products (pn, key) VALUES ($n, $key);", connection, transaction))
            {
                var n = insert.Parameters.Add("$n", SqliteType.Integer);
                var key = insert.Parameters.Add("$key", SqliteType.Text);
                insert.Prepare();
                for (int i = 0; i < Products; i++)
                {
                    n.Value = i;
                    key.Value = ProductKey(i);
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            Step(log, connection, "pack_scans", ScansSql());
            Step(log, connection, "pack_states", StatesSql());
            Step(log, connection, "ix_pack_scans_product_lot", "CREATE INDEX ix_pack_scans_product_lot ON pack_scans (product_key, lot_key);");
            Execute(connection, "PRAGMA journal_mode = WAL;");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        log.WriteLine($"// Stored scans: built {path} ({new FileInfo(path).Length / (1024 * 1024)} MiB) in {total.Elapsed.TotalSeconds:F0} s");
        return path;
    }

    // Row n: product n / 500, lot (n / 50) % 10, scan k = n % 50 of the lot; ids follow n; one scan every 3 seconds.
    private static string ScansSql() => string.Create(CultureInfo.InvariantCulture, $"""
        WITH RECURSIVE seq (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {Scans - 1}),
        scan AS (
            SELECT n, p.key AS key, (n / {ScansPerLot}) % {LotsPerProduct} AS l, n % {ScansPerLot} AS k, n / {ScansPerProduct} AS pn
            FROM seq JOIN bench_products p ON p.pn = seq.n / {ScansPerProduct}),
        pack AS (
            SELECT n, key, l, k,
                   CASE WHEN k = {ScansPerLot - 1} THEN NULL ELSE char(65 + l) || printf('%05d', pn) END AS lot,
                   CASE WHEN k < {SerialisedScansPerLot} THEN 'SN' || l || printf('%02d', k / 2) END AS serial,
                   CASE
                       WHEN k < {SerialisedScansPerLot} THEN CASE
                           WHEN k % 2 = 0 THEN 'reception'
                           WHEN (k / 2) % 3 = 0 THEN 'dispensation'
                           WHEN (k / 2) % 3 = 1 THEN 'return'
                           ELSE 'destruction' END
                       WHEN k < {ScansPerLot - 1} AND k % 5 = 0 THEN 'dispensation'
                       ELSE 'reception'
                   END AS event
            FROM scan)
        INSERT INTO pack_scans (id, raw_code, scheme, gtin14, product_key, lot, lot_key, serial, expiry, production_date, event, scanned_at, workstation, operator)
        SELECT n + 1,
               CASE WHEN lot IS NULL THEN substr(key, 2)
                    ELSE ']d201' || key || '17' || printf('28%02d28', l + 1) || '10' || lot || COALESCE(char(29) || '21' || serial, '') END,
               '{SqliteValues.Name(IdentifierScheme.Gs1)}',
               key, key, lot, lot, serial,
               CASE WHEN lot IS NULL THEN NULL ELSE printf('2028-%02d-28', l + 1) END,
               NULL, event,
               strftime('%Y-%m-%dT%H:%M:%S.0000000Z', 1735689600 + n * 3, 'unixepoch'),
               'comptoir-' || (n % 3 + 1), NULL
        FROM pack;
        """);

    // One row per box: its last scan is the second one (k = 2 × box + 1), or the only one for the last box.
    private static string StatesSql() => string.Create(CultureInfo.InvariantCulture, $"""
        WITH RECURSIVE seq (b) AS (SELECT 0 UNION ALL SELECT b + 1 FROM seq WHERE b < {(long)Products * LotsPerProduct * BoxesPerLot - 1}),
        box AS (
            SELECT b / {LotsPerProduct * BoxesPerLot} AS pn, (b / {BoxesPerLot}) % {LotsPerProduct} AS l, b % {BoxesPerLot} AS box FROM seq),
        last AS (
            SELECT pn, l, box, pn * {ScansPerProduct} + l * {ScansPerLot} + MIN(2 * box + 1, {SerialisedScansPerLot - 1}) AS n FROM box)
        INSERT INTO pack_states (product_key, serial, state, last_scan_id, lot_scan_id)
        SELECT p.key, 'SN' || l || printf('%02d', box),
               CASE WHEN 2 * box + 1 >= {SerialisedScansPerLot} THEN 'in_stock'
                    WHEN box % 3 = 0 THEN 'dispensed'
                    WHEN box % 3 = 1 THEN 'in_stock'
                    ELSE 'destroyed' END,
               n + 1,
               n + 1
        FROM last JOIN bench_products p ON p.pn = last.pn;
        """);

    private static void Step(TextWriter log, SqliteConnection connection, string what, string sql)
    {
        var watch = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        {
            using var command = new SqliteCommand(sql, connection, transaction) { CommandTimeout = 0 };
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        log.WriteLine($"// Stored scans: {what} in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
