using Dapper;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Pack scans on SQLite: <c>pack_scans</c> and <c>pack_states</c>.</summary>
internal sealed class SqliteScanStore(SqliteStoreSession session) : IScanStore
{
    private const string InsertScan = """
        INSERT INTO pack_scans (id, raw_code, scheme, gtin14, product_key, lot, lot_key, serial, expiry, production_date, event, scanned_at, workstation, operator, sealed_patient, prescriber, place)
        VALUES ($id, $raw_code, $scheme, $gtin14, $product_key, $lot, $lot_key, $serial, $expiry, $production_date, $event, $scanned_at, $workstation, $operator, $sealed_patient, $prescriber, $place);
        """;

    // A late import of older scans does not overwrite a newer state.
    private const string UpsertState = """
        INSERT INTO pack_states (product_key, serial, state, last_scan_id, changed_at)
        VALUES ($product_key, $serial, $state, $scan_id, $changed_at)
        ON CONFLICT (product_key, serial) DO UPDATE
        SET state = excluded.state, last_scan_id = excluded.last_scan_id, changed_at = excluded.changed_at
        WHERE excluded.changed_at >= pack_states.changed_at;
        """;

    private const string ScanColumns = """
        SELECT id AS Id, raw_code AS RawCode, scheme AS Scheme, gtin14 AS Gtin, product_key AS ProductKey, lot AS Lot,
               serial AS Serial, expiry AS Expiry, production_date AS ProductionDate, event AS Event, scanned_at AS ScannedAt,
               workstation AS Workstation, operator AS Operator, sealed_patient AS SealedPatient, prescriber AS Prescriber, place AS Place
        FROM pack_scans
        """;

    public Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PackScan> scans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scans);

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
                throw new ArgumentException($"Scan {i + 1} of {scans.Count} ('{Printable(scan.RawCode)}') has an unknown event {(int)scan.Event}.", nameof(scans));
            }

            if (scan.SealedPatient is not null && scan.Event is not (PackEvent.Implantation or PackEvent.Dispensation))
            {
                throw new ArgumentException($"Scan {i + 1} of {scans.Count} ('{Printable(scan.RawCode)}') carries a patient on a {SqliteValues.Name(scan.Event)} scan: only dispensations and implantations go to a patient.", nameof(scans));
            }
        }

        if (scans.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<long>>([]);
        }

        return session.WriteAsync(transaction => Task.FromResult(Append(scans, transaction, cancellationToken)), cancellationToken);
    }

    // Synchronous on purpose: SQLite does no I/O asynchronously, and one prepared command reused for the whole batch
    // inside one transaction is what makes bulk imports fast.
    private IReadOnlyList<long> Append(IReadOnlyList<PackScan> scans, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        // The transaction holds the write lock (every session transaction is IMMEDIATE), so nobody else can insert
        // scans until it ends: the ids can be given here instead of read back row by row, which is faster.
        long nextId;
        using (var max = new SqliteCommand("SELECT COALESCE(MAX(id), 0) FROM pack_scans;", session.Connection, transaction))
        {
            nextId = (long)max.ExecuteScalar()! + 1;
        }

        using var insert = new SqliteCommand(InsertScan, session.Connection, transaction);
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var rawCode = insert.Parameters.Add("$raw_code", SqliteType.Text);
        var scheme = insert.Parameters.Add("$scheme", SqliteType.Text);
        var gtin = insert.Parameters.Add("$gtin14", SqliteType.Text);
        var productKey = insert.Parameters.Add("$product_key", SqliteType.Text);
        var lot = insert.Parameters.Add("$lot", SqliteType.Text);
        var lotKey = insert.Parameters.Add("$lot_key", SqliteType.Text);
        var serial = insert.Parameters.Add("$serial", SqliteType.Text);
        var expiry = insert.Parameters.Add("$expiry", SqliteType.Text);
        var production = insert.Parameters.Add("$production_date", SqliteType.Text);
        var @event = insert.Parameters.Add("$event", SqliteType.Text);
        var scannedAt = insert.Parameters.Add("$scanned_at", SqliteType.Text);
        var workstation = insert.Parameters.Add("$workstation", SqliteType.Text);
        var @operator = insert.Parameters.Add("$operator", SqliteType.Text);
        var sealedPatient = insert.Parameters.Add("$sealed_patient", SqliteType.Text);
        var prescriber = insert.Parameters.Add("$prescriber", SqliteType.Text);
        var place = insert.Parameters.Add("$place", SqliteType.Text);
        insert.Prepare();

        using var state = new SqliteCommand(UpsertState, session.Connection, transaction);
        var stateKey = state.Parameters.Add("$product_key", SqliteType.Text);
        var stateSerial = state.Parameters.Add("$serial", SqliteType.Text);
        var stateValue = state.Parameters.Add("$state", SqliteType.Text);
        var stateScan = state.Parameters.Add("$scan_id", SqliteType.Integer);
        var stateAt = state.Parameters.Add("$changed_at", SqliteType.Text);
        state.Prepare();

        var ids = new long[scans.Count];
        var order = IndexOrder(scans);
        for (int k = 0; k < order.Length; k++)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int i = order[k];
            var scan = scans[i];
            string at = SqliteValues.Instant(scan.ScannedAt);
            id.Value = nextId + i;
            rawCode.Value = scan.RawCode;
            scheme.Value = SqliteValues.Name(scan.Scheme);
            gtin.Value = Db(scan.Gtin);
            productKey.Value = Db(scan.ProductKey);
            lot.Value = Db(scan.Lot);
            lotKey.Value = Db(ProductKeys.Lot(scan.Lot));
            serial.Value = Db(scan.Serial);
            expiry.Value = Db(SqliteValues.Date(scan.Expiry));
            production.Value = Db(SqliteValues.Date(scan.ProductionDate));
            @event.Value = SqliteValues.Name(scan.Event);
            scannedAt.Value = at;
            workstation.Value = Db(scan.Workstation);
            @operator.Value = Db(scan.Operator);
            sealedPatient.Value = Db(scan.SealedPatient);
            prescriber.Value = Db(scan.Prescriber);
            place.Value = Db(scan.Place);
            try
            {
                insert.ExecuteNonQuery();
                ids[i] = nextId + i;
                if (scan.ProductKey is not null && scan.Serial is not null)
                {
                    stateKey.Value = scan.ProductKey;
                    stateSerial.Value = scan.Serial;
                    stateValue.Value = SqliteValues.Name(StatusAfter(scan.Event));
                    stateScan.Value = ids[i];
                    stateAt.Value = at;
                    state.ExecuteNonQuery();
                }
            }
            catch (SqliteException e)
            {
                throw new StoreException(
                    $"Scan {i + 1} of {scans.Count} ('{Printable(scan.RawCode)}', {SqliteValues.Name(scan.Event)} at {at}) could not be stored in " +
                    $"'{session.Path}': {e.Message}. None of the {scans.Count} scans of this batch was stored.", e);
            }
        }

        return ids;
    }

    // Ids follow the scans' order, but rows go in by product, lot and serial: consecutive inserts then land on the same
    // index pages instead of all over three indexes, which is what a large import is bound by. The sort is stable, so
    // two scans of one box keep their order and the later one still sets the box's state.
    private static int[] IndexOrder(IReadOnlyList<PackScan> scans)
    {
        var order = new int[scans.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        return [.. order.OrderBy(i => scans[i].ProductKey, StringComparer.Ordinal)
            .ThenBy(i => scans[i].Lot, StringComparer.Ordinal)
            .ThenBy(i => scans[i].Serial, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<StoredPackScan>> FindByProductAsync(string productKey, string? lot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        cancellationToken.ThrowIfCancellationRequested();
        string sql = lot is null
            ? $"{ScanColumns} WHERE product_key = @productKey ORDER BY id;"
            : $"{ScanColumns} WHERE product_key = @productKey AND lot_key = @lotKey ORDER BY id;";
        var rows = await session.Connection.QueryAsync<ScanRow>(sql, new { productKey, lotKey = ProductKeys.Lot(lot) }, session.Transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<IReadOnlyList<StoredPackScan>> FindBySerialAsync(string productKey, string serial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await session.Connection.QueryAsync<ScanRow>(
            $"{ScanColumns} WHERE product_key = @productKey AND serial = @serial ORDER BY id;", new { productKey, serial }, session.Transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<PackState?> GetPackStateAsync(string productKey, string serial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        var row = await session.Connection.QuerySingleOrDefaultAsync<StateRow>(
            "SELECT state AS State, last_scan_id AS LastScanId, changed_at AS ChangedAt FROM pack_states WHERE product_key = @productKey AND serial = @serial;",
            new { productKey, serial },
            session.Transaction).ConfigureAwait(false);
        return row is null
            ? null
            : new PackState(productKey, serial, SqliteValues.ReadName<PackStatus>(row.State, $"pack_states row ({productKey}, {serial})"), row.LastScanId, SqliteValues.ReadInstant(row.ChangedAt));
    }

    public async Task<IReadOnlyList<PackHolding>> FindHoldingsAsync(string productKey, IReadOnlyCollection<string>? lots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        cancellationToken.ThrowIfCancellationRequested();
        var lotKeys = lots?.Select(l => ProductKeys.Lot(l ?? throw new ArgumentException("A lot of the list is null.", nameof(lots)))).Distinct(StringComparer.Ordinal).ToList();
        var parameters = new { productKey, lotKeys };
        var connection = session.Connection;

        var lotRows = await connection.QueryAsync<LotHoldingRow>(SqliteHoldingQueries.Lots(lotKeys is not null), parameters, session.Transaction).ConfigureAwait(false);
        var boxRows = await connection.QueryAsync<BoxHoldingRow>(SqliteHoldingQueries.Boxes(lotKeys is not null), parameters, session.Transaction).ConfigureAwait(false);

        var holdings = new List<PackHolding>();
        foreach (var row in lotRows)
        {
            holdings.Add(new PackHolding(
                productKey,
                row.Gtin,
                row.Lot,
                null,
                SqliteValues.ReadDate(row.Expiry),
                SqliteValues.ReadDate(row.ProductionDate),
                row.CameIn > row.WentOut,
                row.Dispensations > 0,
                row.LastScanId,
                SqliteValues.ReadInstant(row.LastScannedAt),
                row.Workstation));
        }

        foreach (var row in boxRows)
        {
            var status = SqliteValues.ReadName<PackStatus>(row.State, $"pack_states row ({productKey}, {row.Serial})");
            holdings.Add(new PackHolding(
                productKey,
                row.Gtin,
                row.Lot,
                row.Serial,
                SqliteValues.ReadDate(row.Expiry),
                SqliteValues.ReadDate(row.ProductionDate),
                status == PackStatus.InStock,
                status is PackStatus.Dispensed or PackStatus.Implanted,
                row.LastScanId,
                SqliteValues.ReadInstant(row.LastScannedAt),
                row.Workstation));
        }

        return holdings;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return session.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pack_scans;", transaction: session.Transaction);
    }

    private static PackStatus StatusAfter(PackEvent @event) => @event switch
    {
        PackEvent.Dispensation => PackStatus.Dispensed,
        PackEvent.Destruction => PackStatus.Destroyed,
        PackEvent.Implantation => PackStatus.Implanted,
        _ => PackStatus.InStock,
    };

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    // Scanners send control characters (GS); show them in messages.
    private static string Printable(string raw) => raw.Replace("\u001d", "<GS>", StringComparison.Ordinal);

    /// <summary>The packs of one lot scanned without serial, summed up.</summary>
    private sealed class LotHoldingRow
    {
        public long LastScanId { get; set; }

        public string? Gtin { get; set; }

        public string? Lot { get; set; }

        public string? Expiry { get; set; }

        public string? ProductionDate { get; set; }

        public string LastScannedAt { get; set; } = "";

        public string? Workstation { get; set; }

        public long CameIn { get; set; }

        public long WentOut { get; set; }

        public long Dispensations { get; set; }
    }

    /// <summary>One serialised box with its state.</summary>
    private sealed class BoxHoldingRow
    {
        public string Serial { get; set; } = "";

        public string State { get; set; } = "";

        public long LastScanId { get; set; }

        public string LastScannedAt { get; set; } = "";

        public string? Workstation { get; set; }

        public string? Gtin { get; set; }

        public string? Lot { get; set; }

        public string? Expiry { get; set; }

        public string? ProductionDate { get; set; }
    }

    /// <summary>A <c>pack_states</c> row.</summary>
    private sealed class StateRow
    {
        public string State { get; set; } = "";

        public long LastScanId { get; set; }

        public string ChangedAt { get; set; } = "";
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

        public string? Expiry { get; set; }

        public string? ProductionDate { get; set; }

        public string Event { get; set; } = "";

        public string ScannedAt { get; set; } = "";

        public string? Workstation { get; set; }

        public string? Operator { get; set; }

        public string? SealedPatient { get; set; }

        public string? Prescriber { get; set; }

        public string? Place { get; set; }

        public StoredPackScan ToStored() => new(Id, new PackScan
        {
            RawCode = RawCode,
            Scheme = SqliteValues.ReadName<IdentifierScheme>(Scheme, $"pack_scans row {Id}"),
            Gtin = Gtin,
            ProductKey = ProductKey,
            Lot = Lot,
            Serial = Serial,
            Expiry = SqliteValues.ReadDate(Expiry),
            ProductionDate = SqliteValues.ReadDate(ProductionDate),
            Event = SqliteValues.ReadName<PackEvent>(Event, $"pack_scans row {Id}"),
            ScannedAt = SqliteValues.ReadInstant(ScannedAt),
            Workstation = Workstation,
            Operator = Operator,
            SealedPatient = SealedPatient,
            Prescriber = Prescriber,
            Place = Place,
        });
    }
}
