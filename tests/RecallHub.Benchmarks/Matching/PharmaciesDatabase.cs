using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.PostgreSql;
using RecallHub.Core.Tenancy;

namespace RecallHub.Benchmarks.Matching;

/// <summary>
/// A PostgreSQL database holding the scans of many pharmacies — 100 000 each, 100 000 000 for the default 1 000 —
/// built once on the server named by <see cref="EnvironmentVariable"/> and kept under a name that changes with
/// <see cref="DataVersion"/>, the number of pharmacies and the schema version, so that a re-run reuses it.
/// </summary>
/// <remarks>
/// <para>
/// Every pharmacy (a distinct valid FINESS number) holds the same 1 000 CIP13 products × 10 lots × 10 scans. In each
/// lot, scans 0–4 are the receptions of 5 serialised boxes, scans 5–7 the dispensations of boxes 0–2 (boxes 3 and 4
/// stay in stock), scan 8 a reception of a box whose DataMatrix carries no serial, and scan 9 another such box,
/// received in even lots and dispensed in odd ones — except in lot 9, where scan 9 is a plain EAN-13 (the product,
/// no lot). <c>pack_states</c> holds the 5 boxes of each lot: 50 000 000 rows for 1 000 pharmacies.
/// </para>
/// <para>
/// Rows go in by time as a hub receives them: round k of every pharmacy, product and lot, then round k + 1; so one
/// lot's scans across pharmacies are scattered over the whole table, as they would be after a year of scans. One
/// scan every 250 ms from 2026-01-01 (about 290 days for 100 million). Columns as <c>PostgreSqlScanStore</c> writes
/// them: <c>lot_key</c> is <see cref="ProductKeys.Lot"/> of the lot (the lots here are already upper case without
/// spaces), <c>scheme</c> the store's name for GS1.
/// </para>
/// <para>
/// Built with server-side SQL (<c>generate_series</c>, <c>INSERT … SELECT</c>): the schema by
/// <see cref="PostgreSqlRecallHubStore.OpenAsync"/> (its migrations), then the scan and state indexes and primary keys
/// dropped, both tables truncated and filled in their own transactions (so that with <c>wal_level=minimal</c> the rows
/// skip the WAL), the indexes created again with the migration's definitions, the id sequence moved past the last
/// id, and <c>VACUUM ANALYZE</c> (what autovacuum would have done by then). The database is built under
/// <c>…_building</c> and renamed when complete, so an interrupted build is never used.
/// </para>
/// </remarks>
internal static class PharmaciesDatabase
{
    /// <summary>The server: a connection string to its maintenance database (see <c>Load/bench-postgres.sh</c>).</summary>
    public const string EnvironmentVariable = "RECALLHUB_BENCH_POSTGRES";

    /// <summary>How many pharmacies, when not the default 1 000 (a smaller dataset to try the build).</summary>
    public const string PharmaciesVariable = "RECALLHUB_BENCH_PHARMACIES";

    /// <summary>Change when the generated data changes.</summary>
    public const string DataVersion = "v1";

    public const int DefaultPharmacies = 1_000;
    public const int Products = 1_000;
    public const int LotsPerProduct = 10;
    public const int ScansPerLot = 10;
    public const int BoxesPerLot = 5;
    public const int DispensedBoxesPerLot = 3;
    public const int ScansPerPharmacy = Products * LotsPerProduct * ScansPerLot;

    /// <summary>The number of pharmacies to measure: <see cref="PharmaciesVariable"/>, else 1 000.</summary>
    public static int PharmaciesFromEnvironment() =>
        Environment.GetEnvironmentVariable(PharmaciesVariable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : DefaultPharmacies;

    /// <summary>The server's connection string, or a clear failure saying how to get one.</summary>
    public static string ServerFromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: start the benchmark server with `bash tests/RecallHub.Benchmarks/Load/bench-postgres.sh` " +
                "and export the connection string it prints.");

    /// <summary>The FINESS number of pharmacy <paramref name="n"/>: a département, six digits and the Luhn key.</summary>
    public static string Finess(int n)
    {
        string body = string.Create(CultureInfo.InvariantCulture, $"{(n % 95) + 1:D2}{100_000 + n:D6}");
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            // Counted from the right of the nine digits: the key is position 0, the body's last digit position 1.
            int d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return FinessNumber.Parse(body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture)).Value;
    }

    /// <summary>A valid CIP13, numbered <paramref name="n"/>; keys sort in the order of <paramref name="n"/>.</summary>
    public static string Cip13(int n)
    {
        string body = "34009" + (3_000_000 + (n * 41)).ToString("D7", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The product key (GTIN-14 of the CIP13) of product <paramref name="n"/>.</summary>
    public static string ProductKey(int n) => "0" + Cip13(n);

    /// <summary>Lot <paramref name="lot"/> (0–9) of product <paramref name="product"/>: <c>B01234</c>.</summary>
    public static string Lot(int product, int lot) => (char)('A' + lot) + product.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The expiry printed on lot <paramref name="lot"/>.</summary>
    public static DateOnly Expiry(int lot) => new(2028, lot + 1, 28);

    /// <summary>The database's name for <paramref name="pharmacies"/>.</summary>
    public static string DatabaseName(int pharmacies) =>
        string.Create(CultureInfo.InvariantCulture, $"recallhub_bench_{DataVersion}_{pharmacies}p_schema{PostgreSqlRecallHubStore.SchemaVersion}");

    /// <summary>Builds the database unless it exists; returns its connection string.</summary>
    public static async Task<string> EnsureAsync(int pharmacies, TextWriter log)
    {
        string server = ServerFromEnvironment();
        string name = DatabaseName(pharmacies);
        string building = name + "_building";
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false, CommandTimeout = 0 };
        string Of(string database) => new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString;

        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            if (await ScalarAsync(connection, $"SELECT COUNT(*) FROM pg_database WHERE datname = '{name}';").ConfigureAwait(false) is long and > 0)
            {
                log.WriteLine($"// Pharmacies: reusing database {name}");
                return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            }

            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE);").ConfigureAwait(false);
            await ExecuteAsync(connection, $"CREATE DATABASE \"{building}\";").ConfigureAwait(false);
        }

        long scans = (long)pharmacies * ScansPerPharmacy;
        log.WriteLine($"// Pharmacies: building {name}: {pharmacies} pharmacies × {Products} products × {LotsPerProduct} lots × {ScansPerLot} scans = {scans:N0} scans");
        var total = Stopwatch.StartNew();
        await using (await PostgreSqlRecallHubStore.OpenAsync(Of(building), TimeProvider.System).ConfigureAwait(false))
        {
            // The schema, by the migrations.
        }

        await using (var connection = new NpgsqlConnection(Of(building)))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await StepAsync(log, connection, "drop the scan and state indexes", """
                ALTER TABLE stock_blocks DROP CONSTRAINT stock_blocks_scan_id_fkey;
                ALTER TABLE pack_scans DROP CONSTRAINT pack_scans_pkey;
                DROP INDEX ix_pack_scans_product_lot, ix_pack_scans_product_serial, ix_pack_scans_pharmacy;
                ALTER TABLE pack_states DROP CONSTRAINT pack_states_pkey;
                DROP INDEX ix_pack_states_product;
                """).ConfigureAwait(false);
        }

        // The two tables at once (one core each), each truncated and filled in one transaction.
        await Task.WhenAll(
            FillAsync(log, Of(building), $"pack_scans ({scans:N0} rows)", "TRUNCATE pack_scans;" + ScansSql(pharmacies)),
            FillAsync(log, Of(building), $"pack_states ({(long)pharmacies * Products * LotsPerProduct * BoxesPerLot:N0} rows)", "TRUNCATE pack_states;" + StatesSql(pharmacies))).ConfigureAwait(false);

        await using (var connection = new NpgsqlConnection(Of(building)))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await StepAsync(log, connection, "pack_scans_pkey", "ALTER TABLE pack_scans ADD CONSTRAINT pack_scans_pkey PRIMARY KEY (id);").ConfigureAwait(false);
            await StepAsync(log, connection, "ix_pack_scans_product_lot", "CREATE INDEX ix_pack_scans_product_lot ON pack_scans (product_key, lot_key, pharmacy) INCLUDE (serial);").ConfigureAwait(false);
            await StepAsync(log, connection, "ix_pack_scans_product_serial", "CREATE INDEX ix_pack_scans_product_serial ON pack_scans (product_key, serial, pharmacy);").ConfigureAwait(false);
            await StepAsync(log, connection, "ix_pack_scans_pharmacy", "CREATE INDEX ix_pack_scans_pharmacy ON pack_scans (pharmacy, id);").ConfigureAwait(false);
            await StepAsync(log, connection, "pack_states_pkey", "ALTER TABLE pack_states ADD CONSTRAINT pack_states_pkey PRIMARY KEY (pharmacy, product_key, serial);").ConfigureAwait(false);
            await StepAsync(log, connection, "ix_pack_states_product", "CREATE INDEX ix_pack_states_product ON pack_states (product_key, serial);").ConfigureAwait(false);
            await StepAsync(log, connection, "stock_blocks_scan_id_fkey, id sequence", """
                ALTER TABLE stock_blocks ADD CONSTRAINT stock_blocks_scan_id_fkey FOREIGN KEY (scan_id) REFERENCES pack_scans (id);
                SELECT setval(pg_get_serial_sequence('pack_scans', 'id'), (SELECT MAX(id) FROM pack_scans));
                """).ConfigureAwait(false);
            await StepAsync(log, connection, "VACUUM ANALYZE", "VACUUM (ANALYZE) pack_scans; VACUUM (ANALYZE) pack_states;", transaction: false).ConfigureAwait(false);
            await using var sizes = new NpgsqlCommand(
                """
                SELECT pg_total_relation_size('pack_scans'), pg_relation_size('pack_scans'), pg_total_relation_size('pack_states'), pg_database_size(current_database());
                """,
                connection);
            await using var reader = await sizes.ExecuteReaderAsync().ConfigureAwait(false);
            await reader.ReadAsync().ConfigureAwait(false);
            long scansTotal = reader.GetInt64(0), scansHeap = reader.GetInt64(1), states = reader.GetInt64(2), database = reader.GetInt64(3);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// Pharmacies: sizes: pack_scans {Mib(scansTotal)} MiB (heap {Mib(scansHeap)}, indexes {Mib(scansTotal - scansHeap)}), pack_states {Mib(states)} MiB, database {Mib(database)} MiB; {(double)database / scans:F0} bytes a scan in all"));
        }

        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\";").ConfigureAwait(false);
        }

        log.WriteLine($"// Pharmacies: built {name} in {total.Elapsed.TotalSeconds:F0} s");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static long Mib(long bytes) => bytes / (1024 * 1024);

    // The pharmacies and products, numbered, as tables to join (their keys need check digits computed here).
    private static string Numbered(int pharmacies) =>
        "CREATE TEMP TABLE bench_pharmacies (ph integer PRIMARY KEY, finess text NOT NULL);" +
        $"INSERT INTO bench_pharmacies VALUES {string.Join(',', Enumerable.Range(0, pharmacies).Select(i => string.Create(CultureInfo.InvariantCulture, $"({i},'{Finess(i)}')")))};" +
        "CREATE TEMP TABLE bench_products (p integer PRIMARY KEY, key text NOT NULL);" +
        $"INSERT INTO bench_products VALUES {string.Join(',', Enumerable.Range(0, Products).Select(i => string.Create(CultureInfo.InvariantCulture, $"({i},'{ProductKey(i)}')")))};" +
        "ANALYZE bench_pharmacies; ANALYZE bench_products;";

    // Row n (id n + 1): lot n % L, product (n / L) % P, pharmacy (n / (L·P)) % PH, scan k = n / (L·P·PH) of the lot.
    private static string ScansSql(int pharmacies)
    {
        const int L = LotsPerProduct, P = Products;
        long rows = (long)pharmacies * ScansPerPharmacy;
        string gs1 = StoreValues.Name(IdentifierScheme.Gs1);
        return Numbered(pharmacies) + string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO pack_scans (id, pharmacy, raw_code, scheme, gtin14, product_key, lot, lot_key, serial, expiry, production_date, event, scanned_at, workstation, operator)
            SELECT n + 1, ph.finess,
                   CASE WHEN plain THEN substr(pr.key, 2)
                        ELSE ']d201' || pr.key || '1728' || lpad((l + 1)::text, 2, '0') || '28' || '10' || lot
                             || CASE WHEN box IS NULL THEN '' ELSE chr(29) || '21' || serial END END,
                   '{gs1}', pr.key, pr.key, lot, lot, serial,
                   CASE WHEN plain THEN NULL ELSE make_date(2028, l + 1, 28) END,
                   NULL,
                   CASE WHEN k < {BoxesPerLot} OR k = 8 OR (k = 9 AND (plain OR l % 2 = 0)) THEN 'reception' ELSE 'dispensation' END,
                   timestamptz '2026-01-01 00:00:00+00' + (n + 1) * interval '250 milliseconds',
                   'comptoir-' || (n % 3 + 1), NULL
            FROM (
                SELECT n, l, p, phn, k, box, plain,
                       CASE WHEN plain THEN NULL ELSE chr(65 + l) || lpad(p::text, 5, '0') END AS lot,
                       CASE WHEN box IS NULL THEN NULL ELSE 'S' || lpad(phn::text, 4, '0') || lpad(p::text, 4, '0') || l || box END AS serial
                FROM (
                    SELECT n, (n % {L})::int AS l, ((n / {L}) % {P})::int AS p, ((n / {L * P}) % {pharmacies})::int AS phn, (n / {(long)L * P * pharmacies})::int AS k
                    FROM generate_series(0::bigint, {rows - 1}) AS n) AS s
                CROSS JOIN LATERAL (SELECT CASE WHEN k < {BoxesPerLot} THEN k WHEN k < {BoxesPerLot + DispensedBoxesPerLot} THEN k - {BoxesPerLot} END AS box,
                                           k = 9 AND l = 9 AS plain) AS c) AS r
            JOIN bench_products pr ON pr.p = r.p
            JOIN bench_pharmacies ph ON ph.ph = r.phn;
            """);
    }

    // One row per box (b), its last scan: the dispensation (k = 5 + b) for boxes 0–2, the reception (k = b) otherwise.
    private static string StatesSql(int pharmacies)
    {
        const int L = LotsPerProduct, P = Products, B = BoxesPerLot;
        long rows = (long)pharmacies * P * L * B;
        return Numbered(pharmacies) + string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO pack_states (pharmacy, product_key, serial, state, last_scan_id, changed_at)
            SELECT ph.finess, pr.key, 'S' || lpad(b.phn::text, 4, '0') || lpad(b.p::text, 4, '0') || b.l || b.box,
                   CASE WHEN b.box < {DispensedBoxesPerLot} THEN 'dispensed' ELSE 'in_stock' END,
                   b.id, timestamptz '2026-01-01 00:00:00+00' + b.id * interval '250 milliseconds'
            FROM (
                SELECT *, (((CASE WHEN box < {DispensedBoxesPerLot} THEN {B} + box ELSE box END)::bigint * {pharmacies} + phn) * {P} + p) * {L} + l + 1 AS id
                FROM (
                    SELECT (m % {B})::int AS box, ((m / {B}) % {L})::int AS l, ((m / {B * L}) % {P})::int AS p, (m / {B * L * P})::int AS phn
                    FROM generate_series(0::bigint, {rows - 1}) AS m) AS s) AS b
            JOIN bench_products pr ON pr.p = b.p
            JOIN bench_pharmacies ph ON ph.ph = b.phn;
            """);
    }

    private static async Task FillAsync(TextWriter log, string connectionString, string what, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await StepAsync(log, connection, what, sql).ConfigureAwait(false);
    }

    private static async Task StepAsync(TextWriter log, NpgsqlConnection connection, string what, string sql, bool transaction = true)
    {
        var watch = Stopwatch.StartNew();
        if (transaction)
        {
            await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using (var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 })
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await tx.CommitAsync().ConfigureAwait(false);
        }
        else
        {
            foreach (string statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        log.WriteLine($"// Pharmacies: {what} in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync().ConfigureAwait(false);
    }
}
