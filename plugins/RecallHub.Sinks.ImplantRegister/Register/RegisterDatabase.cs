using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.ImplantRegister.Matching;

namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>
/// The register's own SQLite file: entries (the patient sealed, a keyed hash of the INS beside it), the recalls
/// received and the entries each reaches, and the audit of every read of identities and every purge.
/// </summary>
/// <remarks>
/// Each operation opens its own connection, so deliveries and queries may run at the same time. Deleted rows are
/// overwritten on disk (<c>secure_delete</c>): a purged identity does not linger in free pages.
/// </remarks>
internal sealed class RegisterDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS register_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS entries (
            id              INTEGER PRIMARY KEY,
            event_id        TEXT NOT NULL UNIQUE,       -- the hub event's id: a delivery repeated records nothing twice
            scan_id         INTEGER NOT NULL,
            event           TEXT NOT NULL CHECK (event IN ('implantation', 'dispensation')),
            handed_over_at  TEXT NOT NULL,
            udi_di          TEXT NOT NULL,              -- GTIN-14 for GS1, upper case otherwise
            udi             TEXT NOT NULL,              -- DI + PI in human-readable form
            raw_code        TEXT NOT NULL,              -- as scanned; the seal is bound to it
            device_name     TEXT NOT NULL,
            manufacturer    TEXT NOT NULL,
            blood_derived   INTEGER NOT NULL CHECK (blood_derived IN (0, 1)),
            lot             TEXT,
            lot_key         TEXT,
            serial          TEXT,
            expiry          TEXT,
            place           TEXT,
            prescriber      TEXT,
            operator        TEXT,
            workstation     TEXT,
            sealed_patient  TEXT NOT NULL CHECK (sealed_patient LIKE 'v1.%'),
            ins_hash        TEXT NOT NULL,              -- HMAC-SHA256 of the INS with a key derived from the patient key
            retain_until    TEXT NOT NULL,
            recorded_at     TEXT NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS ix_entries_device_lot ON entries (udi_di, lot_key);
        CREATE INDEX IF NOT EXISTS ix_entries_ins ON entries (ins_hash);
        CREATE INDEX IF NOT EXISTS ix_entries_retain ON entries (retain_until);
        CREATE INDEX IF NOT EXISTS ix_entries_date ON entries (handed_over_at);
        CREATE TABLE IF NOT EXISTS recalls (
            recall_id       INTEGER PRIMARY KEY,
            notice_json     TEXT NOT NULL,
            received_at     TEXT NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS recall_matches (
            recall_id       INTEGER NOT NULL,
            entry_id        INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            outcome         TEXT NOT NULL CHECK (outcome IN ('concerned', 'cannot_tell')),
            matched_at      TEXT NOT NULL,
            PRIMARY KEY (recall_id, entry_id)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS ix_recall_matches_entry ON recall_matches (entry_id);
        -- Never purged: who read which identities, and what the retention deleted.
        CREATE TABLE IF NOT EXISTS audit (
            id              INTEGER PRIMARY KEY,
            at              TEXT NOT NULL,
            who             TEXT NOT NULL,
            action          TEXT NOT NULL CHECK (action IN ('query', 'purge')),
            query           TEXT,
            parameters      TEXT NOT NULL,
            entry_ids       TEXT NOT NULL,
            rows            INTEGER NOT NULL
        ) STRICT;
        """;

    private const string EntryColumns = """
        e.id AS Id, e.event_id AS EventId, e.scan_id AS ScanId, e.event AS Event, e.handed_over_at AS HandedOverAt,
        e.udi_di AS UdiDi, e.udi AS Udi, e.raw_code AS RawCode, e.device_name AS DeviceName, e.manufacturer AS Manufacturer,
        e.blood_derived AS BloodDerived, e.lot AS Lot, e.serial AS Serial, e.expiry AS Expiry, e.place AS Place,
        e.prescriber AS Prescriber, e.operator AS Operator, e.workstation AS Workstation, e.sealed_patient AS SealedPatient,
        e.ins_hash AS InsHash, e.retain_until AS RetainUntil
        """;

    private readonly string _connectionString;

    private RegisterDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) the register and checks that <paramref name="keyCheck"/> is the key it was created with.</summary>
    /// <exception cref="PluginConfigurationException">The register was created with another patient key.</exception>
    public static RegisterDatabase Open(string path, string keyCheck, string pluginId)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var database = new RegisterDatabase(path);
        using var connection = database.Connect();
        connection.Execute(Schema);
        string? stored = connection.ExecuteScalar<string?>("SELECT value FROM register_meta WHERE key = 'key_check';");
        if (stored is null)
        {
            connection.Execute("INSERT INTO register_meta (key, value) VALUES ('key_check', @keyCheck);", new { keyCheck });
        }
        else if (stored != keyCheck)
        {
            throw new PluginConfigurationException(
                $"Plugin '{pluginId}': the patient key does not open this register ({path}): the register was created with another key " +
                $"(key check {stored[..8]}…, this key {keyCheck[..8]}…). Set 'patient_key' to the key the register was created with; " +
                "identities sealed with a lost key cannot be read by anyone.");
        }

        return database;
    }

    /// <summary>Records an entry; <see langword="false"/> when this event was recorded already.</summary>
    public bool Record(EntryRow entry, DateTimeOffset now)
    {
        using var connection = Connect();
        return connection.Execute(
            """
            INSERT INTO entries (event_id, scan_id, event, handed_over_at, udi_di, udi, raw_code, device_name, manufacturer, blood_derived,
                                 lot, lot_key, serial, expiry, place, prescriber, operator, workstation, sealed_patient, ins_hash, retain_until, recorded_at)
            VALUES (@EventId, @ScanId, @Event, @HandedOverAt, @UdiDi, @Udi, @RawCode, @DeviceName, @Manufacturer, @BloodDerived,
                    @Lot, @LotKey, @Serial, @Expiry, @Place, @Prescriber, @Operator, @Workstation, @SealedPatient, @InsHash, @RetainUntil, @RecordedAt)
            ON CONFLICT (event_id) DO NOTHING;
            """,
            new
            {
                entry.EventId, entry.ScanId, entry.Event, entry.HandedOverAt, entry.UdiDi, entry.Udi, entry.RawCode, entry.DeviceName, entry.Manufacturer,
                entry.BloodDerived, entry.Lot, LotKey = DeviceKey.Lot(entry.Lot), entry.Serial, entry.Expiry, entry.Place, entry.Prescriber, entry.Operator,
                entry.Workstation, entry.SealedPatient, entry.InsHash, entry.RetainUntil, RecordedAt = RegisterTime.Write(now),
            }) == 1;
    }

    public EntryRow? EntryOfEvent(string eventId)
    {
        using var connection = Connect();
        return connection.QuerySingleOrDefault<EntryRow>($"SELECT {EntryColumns} FROM entries e WHERE e.event_id = @eventId;", new { eventId });
    }

    public void StoreRecall(long recallId, string noticeJson, DateTimeOffset now)
    {
        using var connection = Connect();
        connection.Execute(
            "INSERT INTO recalls (recall_id, notice_json, received_at) VALUES (@recallId, @noticeJson, @at) ON CONFLICT (recall_id) DO UPDATE SET notice_json = excluded.notice_json, received_at = excluded.received_at;",
            new { recallId, noticeJson, at = RegisterTime.Write(now) });
    }

    public IReadOnlyList<(long RecallId, string NoticeJson)> Recalls()
    {
        using var connection = Connect();
        return [.. connection.Query<(long, string)>("SELECT recall_id, notice_json FROM recalls ORDER BY recall_id;")];
    }

    /// <summary>The entries of these devices (compared UDI-DIs).</summary>
    public IReadOnlyList<EntryRow> EntriesOfDevices(IReadOnlyCollection<string> udiDis)
    {
        using var connection = Connect();
        return [.. connection.Query<EntryRow>($"SELECT {EntryColumns} FROM entries e WHERE e.udi_di IN @udiDis ORDER BY e.id;", new { udiDis })];
    }

    /// <summary>Replaces the entries a recall reaches (a revision may add or remove lots).</summary>
    public void ReplaceMatches(long recallId, IReadOnlyList<(long EntryId, RegisterMatch Match)> matches, DateTimeOffset now)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM recall_matches WHERE recall_id = @recallId;", new { recallId }, transaction);
        AddMatches(connection, transaction, recallId, matches, now);
        transaction.Commit();
    }

    /// <summary>Adds matches of one recall without touching the others (a new entry of an already recalled lot).</summary>
    public void AddMatches(long recallId, IReadOnlyList<(long EntryId, RegisterMatch Match)> matches, DateTimeOffset now)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        AddMatches(connection, transaction, recallId, matches, now);
        transaction.Commit();
    }

    /// <summary>How many different patients a recall reaches (by INS hash: nobody's seal is opened to count).</summary>
    public int PatientsToContact(long recallId)
    {
        using var connection = Connect();
        return connection.ExecuteScalar<int>(
            "SELECT COUNT(DISTINCT e.ins_hash) FROM recall_matches m JOIN entries e ON e.id = m.entry_id WHERE m.recall_id = @recallId;", new { recallId });
    }

    public IReadOnlyList<EntryRow> EntriesOfRecall(long recallId)
    {
        using var connection = Connect();
        return [.. connection.Query<EntryRow>(
            $"SELECT {EntryColumns}, m.outcome AS Outcome FROM recall_matches m JOIN entries e ON e.id = m.entry_id WHERE m.recall_id = @recallId ORDER BY e.handed_over_at, e.id;",
            new { recallId })];
    }

    public IReadOnlyList<EntryRow> EntriesOfLot(string udiDi, string lot)
    {
        using var connection = Connect();
        return [.. connection.Query<EntryRow>(
            $"SELECT {EntryColumns} FROM entries e WHERE e.udi_di = @udiDi AND e.lot_key = @lotKey ORDER BY e.handed_over_at, e.id;",
            new { udiDi, lotKey = DeviceKey.Lot(lot) })];
    }

    public IReadOnlyList<EntryRow> EntriesOfPatient(string insHash)
    {
        using var connection = Connect();
        return [.. connection.Query<EntryRow>($"SELECT {EntryColumns} FROM entries e WHERE e.ins_hash = @insHash ORDER BY e.handed_over_at, e.id;", new { insHash })];
    }

    public IReadOnlyList<EntryRow> EntriesBetween(string? from, string? to)
    {
        using var connection = Connect();
        return [.. connection.Query<EntryRow>(
            $"SELECT {EntryColumns} FROM entries e WHERE (@from IS NULL OR e.handed_over_at >= @from) AND (@to IS NULL OR e.handed_over_at < @to) ORDER BY e.handed_over_at, e.id;",
            new { from, to })];
    }

    /// <summary>Writes an audit row, committed before the caller answers.</summary>
    public void Audit(DateTimeOffset at, string who, string action, string? query, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<long> entryIds)
    {
        using var connection = Connect();
        connection.Execute(
            "INSERT INTO audit (at, who, action, query, parameters, entry_ids, rows) VALUES (@at, @who, @action, @query, @parameters, @entryIds, @rows);",
            new
            {
                at = RegisterTime.Write(at),
                who,
                action,
                query,
                parameters = JsonSerializer.Serialize(parameters, RegisterJsonContext.Default.IReadOnlyDictionaryStringString),
                entryIds = string.Join(",", entryIds),
                rows = entryIds.Count,
            });
    }

    /// <summary>
    /// Deletes the entries whose retention ended before <paramref name="now"/> (never one still due: the comparison is
    /// strict) with their recall matches, and audits what went, in one transaction. Cheap when nothing is due: one
    /// look-up in the <c>retain_until</c> index.
    /// </summary>
    /// <returns>How many entries were deleted.</returns>
    public int Purge(DateTimeOffset now)
    {
        string cutoff = RegisterTime.Write(now);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var deleted = connection.Query<long>("DELETE FROM entries WHERE retain_until < @cutoff RETURNING id;", new { cutoff }, transaction).Order().ToList();
        if (deleted.Count > 0)
        {
            connection.Execute(
                "INSERT INTO audit (at, who, action, query, parameters, entry_ids, rows) VALUES (@cutoff, 'retention', 'purge', NULL, @parameters, @entryIds, @rows);",
                new { cutoff, parameters = $$"""{"retain_until_before":"{{cutoff}}"}""", entryIds = string.Join(",", deleted), rows = deleted.Count },
                transaction);
        }

        transaction.Commit();
        return deleted.Count;
    }

    private static void AddMatches(SqliteConnection connection, SqliteTransaction transaction, long recallId, IReadOnlyList<(long EntryId, RegisterMatch Match)> matches, DateTimeOffset now)
    {
        string at = RegisterTime.Write(now);
        foreach (var (entryId, match) in matches)
        {
            connection.Execute(
                "INSERT INTO recall_matches (recall_id, entry_id, outcome, matched_at) VALUES (@recallId, @entryId, @outcome, @at) ON CONFLICT DO NOTHING;",
                new { recallId, entryId, outcome = match == RegisterMatch.Concerned ? "concerned" : "cannot_tell", at },
                transaction);
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA secure_delete = ON;");
        return connection;
    }
}
