using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>
/// Pack scans on PostgreSQL: <c>pack_scans</c> and <c>pack_states</c>, each pharmacy its own. A batch goes in with
/// one binary COPY, then one statement for the states of its serialised packs.
/// </summary>
internal sealed partial class PostgreSqlScanStore(PostgreSqlStoreSession session) : IScanStore
{

    private const string ScanColumns = """
        SELECT id AS Id, raw_code AS RawCode, scheme AS Scheme, gtin14 AS Gtin, product_key AS ProductKey, lot AS Lot,
               serial AS Serial, expiry AS Expiry, production_date AS ProductionDate, event AS Event, scanned_at AS ScannedAt,
               workstation AS Workstation, operator AS Operator, sealed_patient AS SealedPatient, prescriber AS Prescriber, place AS Place
        FROM pack_scans
        """;

    private const string Copy = """
        COPY pack_scans (id, pharmacy, raw_code, scheme, gtin14, product_key, lot, lot_key, serial, expiry, production_date, event, scanned_at, workstation, operator, sealed_patient, prescriber, place)
        FROM STDIN (FORMAT BINARY)
        """;

    // A late import of older scans does not overwrite a newer state. The batch gives one row per pack (its latest).
    private const string UpsertStates = """
        INSERT INTO pack_states (pharmacy, product_key, serial, state, last_scan_id, changed_at)
        SELECT @pharmacy, product_key, serial, state, last_scan_id, changed_at
        FROM unnest(@product_key, @serial, @state, @last_scan_id, @changed_at) AS s (product_key, serial, state, last_scan_id, changed_at)
        ON CONFLICT (pharmacy, product_key, serial) DO UPDATE
        SET state = excluded.state, last_scan_id = excluded.last_scan_id, changed_at = excluded.changed_at
        WHERE excluded.changed_at >= pack_states.changed_at;
        """;

    public Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PackScan> scans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scans);
        if (session.Scope.IsAll)
        {
            throw new InvalidOperationException("Scans are stored for one pharmacy: open the session for the pharmacy that scanned them, not for all pharmacies.");
        }

        // Refused before anything is written.
        for (int i = 0; i < scans.Count; i++)
        {
            var scan = scans[i] ?? throw new ArgumentException($"Scan {i + 1} of {scans.Count} is null.", nameof(scans));
            if (string.IsNullOrEmpty(scan.RawCode))
            {
                throw new ArgumentException($"Scan {i + 1} of {scans.Count} has no raw code.", nameof(scans));
            }

            if (!Enum.IsDefined(scan.Event))
            {
                throw new ArgumentException($"Scan {i + 1} of {scans.Count} ('{StoreValues.Printable(scan.RawCode)}') has an unknown event {(int)scan.Event}.", nameof(scans));
            }

            if (scan.SealedPatient is not null && scan.Event is not (PackEvent.Implantation or PackEvent.Dispensation))
            {
                throw new ArgumentException($"Scan {i + 1} of {scans.Count} ('{StoreValues.Printable(scan.RawCode)}') carries a patient on a {StoreValues.Name(scan.Event)} scan: only dispensations and implantations go to a patient.", nameof(scans));
            }
        }

        if (scans.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<long>>([]);
        }

        return session.WriteAsync(transaction => AppendAsync(scans, transaction, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PackScan> scans, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        string pharmacy = session.Scope.Pharmacy;
        long[] ids = await ReserveIdsAsync(scans.Count, cancellationToken).ConfigureAwait(false);

        // Rows go in by product, lot and serial, as SQLite does: consecutive rows land on the same index pages.
        var order = IndexOrder(scans);
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
            foreach (int i in order)
            {
                var scan = scans[i];
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(pharmacy, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(scan.RawCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(StoreValues.Name(scan.Scheme), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Gtin, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.ProductKey, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Lot, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, ProductKeys.Lot(scan.Lot), cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Serial, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Expiry, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.ProductionDate, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(StoreValues.Name(scan.Event), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(PostgreSqlValues.Instant(scan.ScannedAt), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Workstation, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Operator, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.SealedPatient, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Prescriber, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, scan.Place, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            // COPY says which line of its input failed ("COPY pack_scans, line 3"): the rows went in index order.
            string which = CopyLine().Match(e.Where ?? "") is { Success: true } line && int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) - 1 is var k && k < order.Length
                ? Describe(scans, order[k])
                : $"A scan of the batch of {scans.Count}";
            throw new StoreException($"{which} could not be stored in {session.Where}: {e.MessageText}. None of the {scans.Count} scans of this batch was stored.", e);
        }

        // The latest scan of each serialised pack in the batch, as SQLite applies them one by one in index order.
        var latest = new Dictionary<(string ProductKey, string Serial), int>();
        foreach (int i in order)
        {
            var scan = scans[i];
            if (scan.ProductKey is not null && scan.Serial is not null)
            {
                var key = (scan.ProductKey, scan.Serial);
                if (!latest.TryGetValue(key, out int previous) || scan.ScannedAt >= scans[previous].ScannedAt)
                {
                    latest[key] = i;
                }
            }
        }

        if (latest.Count > 0)
        {
            var packs = latest.Values.ToArray();
            await using var states = new NpgsqlCommand(UpsertStates, connection, transaction);
            states.Parameters.Add(new NpgsqlParameter("pharmacy", NpgsqlDbType.Text) { Value = pharmacy });
            states.Parameters.Add(new NpgsqlParameter("product_key", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = packs.Select(i => scans[i].ProductKey!).ToArray() });
            states.Parameters.Add(new NpgsqlParameter("serial", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = packs.Select(i => scans[i].Serial!).ToArray() });
            states.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = packs.Select(i => StoreValues.Name(StoreValues.StatusAfter(scans[i].Event))).ToArray() });
            states.Parameters.Add(new NpgsqlParameter("last_scan_id", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = packs.Select(i => ids[i]).ToArray() });
            states.Parameters.Add(new NpgsqlParameter("changed_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = packs.Select(i => PostgreSqlValues.Instant(scans[i].ScannedAt)).ToArray() });
            try
            {
                await states.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw new StoreException($"The pack states of a batch of {scans.Count} scans could not be stored in {session.Where}: {e.MessageText}. None of the scans was stored.", e);
            }
        }

        return ids;
    }

    // Ids for the batch, increasing in its order, in one round trip. Taken from the sequence row by row rather than as
    // one reserved range: a range needs a lock across sessions, and a session-level lock a cancelled request can leave
    // held stalls every host's scans (seen under load). Concurrent batches interleave their ids; ids may have gaps.
    private async Task<long[]> ReserveIdsAsync(int count, CancellationToken cancellationToken)
    {
        var ids = await session.Connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('pack_scans', 'id')) AS id FROM generate_series(1, @count) ORDER BY id;",
            new { count },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. ids];
    }

    private static string Describe(IReadOnlyList<PackScan> scans, int i) =>
        $"Scan {i + 1} of {scans.Count} ('{StoreValues.Printable(scans[i].RawCode)}', {StoreValues.Name(scans[i].Event)} at {StoreValues.Instant(scans[i].ScannedAt)})";

    private static int[] IndexOrder(IReadOnlyList<PackScan> scans) =>
        [.. Enumerable.Range(0, scans.Count)
            .OrderBy(i => scans[i].ProductKey, StringComparer.Ordinal)
            .ThenBy(i => scans[i].Lot, StringComparer.Ordinal)
            .ThenBy(i => scans[i].Serial, StringComparer.Ordinal)];

    private static Task WriteAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter writer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } date ? writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    [GeneratedRegex(@"COPY pack_scans, line (\d+)")]
    private static partial Regex CopyLine();

    public async Task<IReadOnlyList<StoredPackScan>> FindByProductAsync(string productKey, string? lot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        cancellationToken.ThrowIfCancellationRequested();
        string lotFilter = lot is null ? "" : " AND lot_key = @lotKey";
        var rows = await session.Connection.QueryAsync<ScanRow>(
            $"{ScanColumns} WHERE product_key = @productKey{lotFilter}{session.PharmacyFilter()} ORDER BY id;",
            new { productKey, lotKey = ProductKeys.Lot(lot), pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<IReadOnlyList<StoredPackScan>> FindBySerialAsync(string productKey, string serial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await session.Connection.QueryAsync<ScanRow>(
            $"{ScanColumns} WHERE product_key = @productKey AND serial = @serial{session.PharmacyFilter()} ORDER BY id;",
            new { productKey, serial, pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<PackState?> GetPackStateAsync(string productKey, string serial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();

        // For all pharmacies, the pack's latest state wherever it is.
        var row = await session.Connection.QueryFirstOrDefaultAsync<(string State, long LastScanId, DateTime ChangedAt)?>(
            $"SELECT state, last_scan_id, changed_at FROM pack_states WHERE product_key = @productKey AND serial = @serial{session.PharmacyFilter()} ORDER BY changed_at DESC LIMIT 1;",
            new { productKey, serial, pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return row is { } r
            ? new PackState(productKey, serial, StoreValues.ReadName<PackStatus>(r.State, $"pack_states row ({productKey}, {serial})"), r.LastScanId, PostgreSqlValues.ReadInstant(r.ChangedAt))
            : null;
    }

    public async Task<IReadOnlyList<PackHolding>> FindHoldingsAsync(string productKey, IReadOnlyCollection<string>? lots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        cancellationToken.ThrowIfCancellationRequested();
        var lotKeys = lots?.Select(l => ProductKeys.Lot(l ?? throw new ArgumentException("A lot of the list is null.", nameof(lots)))!).Distinct(StringComparer.Ordinal).ToArray();
        var parameters = new { productKey, lotKeys, pharmacy = session.ReadPharmacy };
        var connection = session.Connection;
        string pharmacyFilter = session.PharmacyFilter("s.pharmacy");

        var lotRows = await connection.QueryAsync<LotHoldingRow>(
            PostgreSqlHoldingQueries.Lots(lotKeys is not null, pharmacyFilter), parameters, session.Transaction).ConfigureAwait(false);
        var boxRows = await connection.QueryAsync<BoxHoldingRow>(
            PostgreSqlHoldingQueries.Boxes(lotKeys is not null, pharmacyFilter), parameters, session.Transaction).ConfigureAwait(false);

        var holdings = new List<PackHolding>();
        foreach (var row in lotRows)
        {
            holdings.Add(new PackHolding(
                productKey,
                row.Gtin,
                row.Lot,
                null,
                PostgreSqlValues.ReadDate(row.Expiry),
                PostgreSqlValues.ReadDate(row.ProductionDate),
                row.CameIn > row.WentOut,
                row.Dispensations > 0,
                row.LastScanId,
                PostgreSqlValues.ReadInstant(row.LastScannedAt),
                row.Workstation)
            {
                Pharmacy = row.Pharmacy,
            });
        }

        foreach (var row in boxRows)
        {
            var status = StoreValues.ReadName<PackStatus>(row.State, $"pack_states row ({productKey}, {row.Serial})");
            holdings.Add(new PackHolding(
                productKey,
                row.Gtin,
                row.Lot,
                row.Serial,
                PostgreSqlValues.ReadDate(row.Expiry),
                PostgreSqlValues.ReadDate(row.ProductionDate),
                status == PackStatus.InStock,
                status is PackStatus.Dispensed or PackStatus.Implanted,
                row.LastScanId,
                PostgreSqlValues.ReadInstant(row.LastScannedAt),
                row.Workstation)
            {
                Pharmacy = row.Pharmacy,
            });
        }

        return holdings;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return session.Connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM pack_scans WHERE TRUE{session.PharmacyFilter()};", new { pharmacy = session.ReadPharmacy }, session.Transaction);
    }

    /// <summary>The packs of one pharmacy's lot scanned without serial, summed up.</summary>
    private sealed class LotHoldingRow
    {
        public string Pharmacy { get; set; } = "";

        public long LastScanId { get; set; }

        public string? Gtin { get; set; }

        public string? Lot { get; set; }

        public DateTime? Expiry { get; set; }

        public DateTime? ProductionDate { get; set; }

        public DateTime LastScannedAt { get; set; }

        public string? Workstation { get; set; }

        public long CameIn { get; set; }

        public long WentOut { get; set; }

        public long Dispensations { get; set; }
    }

    /// <summary>One serialised box with its state.</summary>
    private sealed class BoxHoldingRow
    {
        public string Pharmacy { get; set; } = "";

        public string Serial { get; set; } = "";

        public string State { get; set; } = "";

        public long LastScanId { get; set; }

        public DateTime LastScannedAt { get; set; }

        public string? Workstation { get; set; }

        public string? Gtin { get; set; }

        public string? Lot { get; set; }

        public DateTime? Expiry { get; set; }

        public DateTime? ProductionDate { get; set; }
    }

    /// <summary>A <c>pack_scans</c> row.</summary>
    private sealed class ScanRow
    {
        public long Id { get; set; }

        public string RawCode { get; set; } = "";

        public string Scheme { get; set; } = "";

        public string? Gtin { get; set; }

        public string? ProductKey { get; set; }

        public string? Lot { get; set; }

        public string? Serial { get; set; }

        public DateTime? Expiry { get; set; }

        public DateTime? ProductionDate { get; set; }

        public string Event { get; set; } = "";

        public DateTime ScannedAt { get; set; }

        public string? Workstation { get; set; }

        public string? Operator { get; set; }

        public string? SealedPatient { get; set; }

        public string? Prescriber { get; set; }

        public string? Place { get; set; }

        public StoredPackScan ToStored() => new(Id, new PackScan
        {
            RawCode = RawCode,
            Scheme = StoreValues.ReadName<IdentifierScheme>(Scheme, $"pack_scans row {Id}"),
            Gtin = Gtin,
            ProductKey = ProductKey,
            Lot = Lot,
            Serial = Serial,
            Expiry = PostgreSqlValues.ReadDate(Expiry),
            ProductionDate = PostgreSqlValues.ReadDate(ProductionDate),
            Event = StoreValues.ReadName<PackEvent>(Event, $"pack_scans row {Id}"),
            ScannedAt = PostgreSqlValues.ReadInstant(ScannedAt),
            Workstation = Workstation,
            Operator = Operator,
            SealedPatient = SealedPatient,
            Prescriber = Prescriber,
            Place = Place,
        });
    }
}
