using Dapper;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Identifiers;
using SQLitePCL;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Pack scans on SQLite: <c>pack_scans</c> and <c>pack_states</c>.</summary>
internal sealed class SqliteScanStore(SqliteStoreSession session) : IScanStore
{
    private const string InsertScan = """
        INSERT INTO pack_scans (id, raw_code, scheme, gtin14, product_key, lot, lot_key, serial, expiry, production_date, event, scanned_at, workstation, operator, sealed_patient, prescriber, place)
        VALUES ($id, $raw_code, $scheme, $gtin14, $product_key, $lot, $lot_key, $serial, $expiry, $production_date, $event, $scanned_at, $workstation, $operator, $sealed_patient, $prescriber, $place);
        """;

    // A late import of older scans does not overwrite a newer state. A box's state is as old as its last scan (the
    // time is not copied into pack_states: 29 bytes of each row of a B-tree every scan writes to). The box's latest
    // scan that read a lot (lot_scan_id, what its holdings take the lot and expiry from) is the new scan when it read
    // one and is the newest. The look-ups only run for a box already stored; SET reads the row as it was.
    private const string UpsertState = """
        INSERT INTO pack_states (product_key, serial, state, last_scan_id, lot_scan_id)
        VALUES ($product_key, $serial, $state, $scan_id, $lot_scan_id)
        ON CONFLICT (product_key, serial) DO UPDATE
        SET state = iif($scanned_at >= (SELECT scanned_at FROM pack_scans WHERE id = pack_states.last_scan_id), excluded.state, pack_states.state),
            last_scan_id = iif($scanned_at >= (SELECT scanned_at FROM pack_scans WHERE id = pack_states.last_scan_id), excluded.last_scan_id, pack_states.last_scan_id),
            lot_scan_id = CASE
                WHEN excluded.lot_scan_id IS NULL THEN pack_states.lot_scan_id
                WHEN pack_states.lot_scan_id IS NULL THEN excluded.lot_scan_id
                WHEN $scanned_at >= (SELECT scanned_at FROM pack_scans WHERE id = pack_states.lot_scan_id) THEN excluded.lot_scan_id
                ELSE pack_states.lot_scan_id
            END;
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

    // Synchronous on purpose: SQLite does no I/O asynchronously, and one prepared statement reused for the whole batch
    // inside one transaction is what makes bulk imports fast. The statements are SQLite's own (SQLitePCL), bound
    // straight from the strings: SqliteCommand re-reads its parameter collection, converts every string to a new UTF-8
    // array and builds a data reader on each execution: about a tenth of an import's CPU time (perf).
    private IReadOnlyList<long> Append(IReadOnlyList<PackScan> scans, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        // The transaction holds the write lock (every session transaction is IMMEDIATE), so nobody else can insert
        // scans until it ends: the ids can be given here instead of read back row by row, which is faster.
        long nextId;
        using (var max = new SqliteCommand("SELECT COALESCE(MAX(id), 0) FROM pack_scans;", session.Connection, transaction))
        {
            nextId = (long)max.ExecuteScalar()! + 1;
        }

        using var insert = new RawStatement(session.Connection, InsertScan);
        int id = insert.Parameter("$id"), rawCode = insert.Parameter("$raw_code"), scheme = insert.Parameter("$scheme"),
            gtin = insert.Parameter("$gtin14"), productKey = insert.Parameter("$product_key"), lot = insert.Parameter("$lot"),
            lotKey = insert.Parameter("$lot_key"), serial = insert.Parameter("$serial"), expiry = insert.Parameter("$expiry"),
            production = insert.Parameter("$production_date"), @event = insert.Parameter("$event"), scannedAt = insert.Parameter("$scanned_at"),
            workstation = insert.Parameter("$workstation"), @operator = insert.Parameter("$operator"),
            sealedPatient = insert.Parameter("$sealed_patient"), prescriber = insert.Parameter("$prescriber"), place = insert.Parameter("$place");
        using var state = new RawStatement(session.Connection, UpsertState);
        int stateKey = state.Parameter("$product_key"), stateSerial = state.Parameter("$serial"), stateValue = state.Parameter("$state"),
            stateScan = state.Parameter("$scan_id"), stateLotScan = state.Parameter("$lot_scan_id"), stateAt = state.Parameter("$scanned_at");
        var instants = new InstantTexts();
        var dates = new Dictionary<DateOnly, string>();

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
            string at = instants.Of(scan.ScannedAt);
            try
            {
                insert.Integer(id, nextId + i);
                insert.Text(rawCode, scan.RawCode);
                insert.Text(scheme, Names<IdentifierScheme>.Of(scan.Scheme));
                insert.Text(gtin, scan.Gtin);
                insert.Text(productKey, scan.ProductKey);
                insert.Text(lot, scan.Lot);
                insert.Text(lotKey, LotKey(scan.Lot));
                insert.Text(serial, scan.Serial);
                insert.Text(expiry, DateText(dates, scan.Expiry));
                insert.Text(production, DateText(dates, scan.ProductionDate));
                insert.Text(@event, Names<PackEvent>.Of(scan.Event));
                insert.Text(scannedAt, at);
                insert.Text(workstation, scan.Workstation);
                insert.Text(@operator, scan.Operator);
                insert.Text(sealedPatient, scan.SealedPatient);
                insert.Text(prescriber, scan.Prescriber);
                insert.Text(place, scan.Place);
                insert.Run();
                ids[i] = nextId + i;
                if (scan.ProductKey is not null && scan.Serial is not null)
                {
                    state.Text(stateKey, scan.ProductKey);
                    state.Text(stateSerial, scan.Serial);
                    state.Text(stateValue, Names<PackStatus>.Of(StatusAfter(scan.Event)));
                    state.Integer(stateScan, ids[i]);
                    state.Text(stateAt, at);
                    if (scan.Lot is null)
                    {
                        state.Null(stateLotScan);
                    }
                    else
                    {
                        state.Integer(stateLotScan, ids[i]);
                    }

                    state.Run();
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

    // Most lots are printed in upper case without spaces: they are their own key, and no new string is needed.
    private static string? LotKey(string? lot)
    {
        if (lot is null)
        {
            return null;
        }

        foreach (char c in lot)
        {
            if (char.IsWhiteSpace(c) || char.ToUpperInvariant(c) != c)
            {
                return ProductKeys.Lot(lot);
            }
        }

        return lot;
    }

    // A pharmacy's packs expire on a few hundred distinct dates: each is formatted once per batch.
    private static string? DateText(Dictionary<DateOnly, string> texts, DateOnly? date)
    {
        if (date is not { } value)
        {
            return null;
        }

        if (!texts.TryGetValue(value, out string? text))
        {
            text = SqliteValues.Date(value)!;
            texts.Add(value, text);
        }

        return text;
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

        // One comparison of the three keys, the index last to keep the sort stable, instead of OrderBy/ThenBy's key arrays.
        Array.Sort(order, (a, b) =>
        {
            var x = scans[a];
            var y = scans[b];
            int c = string.CompareOrdinal(x.ProductKey, y.ProductKey);
            c = c != 0 ? c : string.CompareOrdinal(x.Lot, y.Lot);
            c = c != 0 ? c : string.CompareOrdinal(x.Serial, y.Serial);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
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
        // No index by serial (it slowed every scan stored for this rare look-up): SQLite reads the product's scans
        // through ix_pack_scans_product_lot, a few hundred rows for a product a pharmacy stocks.
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
            """
            SELECT st.state AS State, st.last_scan_id AS LastScanId, s.scanned_at AS ChangedAt
            FROM pack_states st JOIN pack_scans s ON s.id = st.last_scan_id
            WHERE st.product_key = @productKey AND st.serial = @serial;
            """,
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

    // Scanners send control characters (GS); show them in messages.
    private static string Printable(string raw) => raw.Replace("\u001d", "<GS>", StringComparison.Ordinal);

    /// <summary>
    /// A statement prepared once on the session's connection and run many times, in whatever transaction the
    /// connection is in. Parameters are bound by their index (<see cref="Parameter"/>), looked up once.
    /// </summary>
    private sealed class RawStatement : IDisposable
    {
        // What a parameter holds when it is not a text (an integer): the next text or NULL is always bound.
        private static readonly object NotText = new();

        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        // The value each parameter holds (SQLite keeps bindings from one row to the next; null: NULL, as before any
        // binding). Rows come in index order, so neighbours share their product, lot, dates, event and workstation:
        // a value equal to the one bound is not bound again, which saves half the calls into SQLite.
        private readonly object?[] _bound;

        public RawStatement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
            _bound = new object?[raw.sqlite3_bind_parameter_count(_statement) + 1];
        }

        public int Parameter(string name)
        {
            int index = raw.sqlite3_bind_parameter_index(_statement, name);
            return index > 0 ? index : throw new InvalidOperationException($"The statement has no parameter {name}.");
        }

        public void Integer(int index, long value)
        {
            _bound[index] = NotText;
            Check(raw.sqlite3_bind_int64(_statement, index, value));
        }

        public void Null(int index) => Text(index, null);

        public void Text(int index, string? value)
        {
            object? bound = _bound[index];
            if (value is null ? bound is null : bound is string text && string.Equals(text, value, StringComparison.Ordinal))
            {
                return;
            }

            // The value is recorded only once SQLite has it: after a failed bind, the next one binds again.
            _bound[index] = NotText;
            Check(
                value is null ? raw.sqlite3_bind_null(_statement, index)

                // An empty span would be bound as NULL (no pointer): an empty text goes through the copying overload.
                : value.Length == 0 ? raw.sqlite3_bind_text(_statement, index, value)
                : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));
            _bound[index] = value;
        }

        /// <summary>Runs the statement to its end and makes it ready for the next row.</summary>
        /// <exception cref="SqliteException">SQLite refused the row (a constraint, a full disk…).</exception>
        public void Run()
        {
            int rc = raw.sqlite3_step(_statement);
            try
            {
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, _db);
                }
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
    }

    /// <summary>The text of the last instant written: the scans of an import are mostly stamped with the same one.</summary>
    private sealed class InstantTexts
    {
        private DateTimeOffset _last;
        private string? _text;

        public string Of(DateTimeOffset instant)
        {
            // Equal instants are equal in UTC, which is what is written.
            if (_text is null || instant != _last)
            {
                _text = SqliteValues.Instant(instant);
                _last = instant;
            }

            return _text;
        }
    }

    /// <summary>The stored names of an enum's members, worked out once.</summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<TEnum, string> Known = Enum.GetValues<TEnum>().ToDictionary(v => v, SqliteValues.Name);

        public static string Of(TEnum value) => Known.TryGetValue(value, out string? name) ? name : SqliteValues.Name(value);
    }

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
