using System.Security.Cryptography;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.ImplantRegister.Matching;
using RecallHub.Sinks.ImplantRegister.Queries;
using RecallHub.Sinks.ImplantRegister.Register;

namespace RecallHub.Sinks.ImplantRegister;

/// <summary>
/// The implant traceability register: records each implantable device (listed in <c>implantable</c>) dispensed or
/// implanted for a named patient, matches recalls against the register, and answers who must be contacted.
/// </summary>
/// <remarks>
/// <para>The patient stays sealed in the register's database (AES-256-GCM with the pharmacy's patient key, which is
/// never stored); a keyed hash of the INS finds a patient's devices without opening anything. Every query that
/// returns identities is audited before it answers. Entries are kept 10 years after the handover, 40 for
/// blood-derived devices, then purged — never earlier.</para>
/// <para>Idempotent by event id: a repeated delivery records nothing twice. Queries may run during a delivery: each
/// operation has its own connection.</para>
/// </remarks>
public sealed class ImplantRegisterSink : IRecallSink, IPluginQueries
{
    private IPluginContext? _context;
    private RegisterSettings? _settings;
    private RegisterDatabase? _database;
    private PatientHasher? _hasher;
    private RegisterQueries? _queries;

    /// <inheritdoc />
    public IReadOnlyList<PluginQueryDescription> Queries => RegisterQueries.All;

    /// <inheritdoc />
    public ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _settings = RegisterSettings.Read(context.Settings);
        _database = RegisterDatabase.Open(_settings.DatabasePath, _settings.Seal.KeyCheck, context.PluginId);
        _hasher = new PatientHasher(_settings.Seal);
        _queries = new RegisterQueries(_database, _settings.Seal, _hasher, context.Time);
        Purge();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var database = _database ?? throw new InvalidOperationException("The implant register was not started.");
        foreach (var hubEvent in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (hubEvent)
            {
                case { Type: HubEventType.PackHandedOver, Handover: { } handover }:
                    Record(database, hubEvent.Id, handover);
                    break;
                case { Type: HubEventType.RecallReceived or HubEventType.RecallRevised, RecallId: { } recallId, Notice: { } notice }:
                    database.StoreRecall(recallId, RecallNoticeJson.Serialize(notice), Now);
                    Match(database, recallId, notice);
                    break;
            }
        }

        Purge();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<PluginQueryResult> QueryAsync(string name, IReadOnlyDictionary<string, string> parameters, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrEmpty(requestedBy);
        var queries = _queries ?? throw new InvalidOperationException("The implant register was not started.");
        return ValueTask.FromResult(queries.Answer(name, parameters, requestedBy));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DateTimeOffset Now => _context!.Time.GetUtcNow();

    private void Record(RegisterDatabase database, string eventId, PackHandover handover)
    {
        string? udiDi = handover.UdiDi ?? handover.Gtin;
        if (udiDi is null || !_settings!.Implantable.TryGetValue(DeviceKey.Of(udiDi), out var device))
        {
            return;
        }

        string insHash;
        try
        {
            // Opened only to hash the INS for look-ups; nothing of it is kept in clear or logged.
            insHash = _hasher!.Hash(_settings.Seal.Open(handover.SealedPatient, handover.RawCode).Ins);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidOperationException(
                $"Event {eventId} (scan {handover.ScanId}): the patient's seal does not open with this register's patient key ({e.Message}). " +
                "Give the register the hub's Hub:PatientIdentityKey; the event is kept and retried.", e);
        }

        var entry = new EntryRow
        {
            EventId = eventId,
            ScanId = handover.ScanId,
            Event = handover.Event == HandoverEvent.Implantation ? "implantation" : "dispensation",
            HandedOverAt = RegisterTime.Write(handover.At),
            UdiDi = device.UdiDi,
            Udi = FullUdi.Of(handover.RawCode, _context!.Time),
            RawCode = handover.RawCode,
            DeviceName = device.DeviceName,
            Manufacturer = device.Manufacturer,
            BloodDerived = device.BloodDerived ? 1 : 0,
            Lot = handover.Lot,
            Serial = handover.Serial,
            Expiry = RegisterTime.Date(handover.Expiry),
            Place = handover.Place,
            Prescriber = handover.Prescriber,
            Operator = handover.Operator,
            Workstation = handover.Workstation,
            SealedPatient = handover.SealedPatient,
            InsHash = insHash,
            RetainUntil = RegisterTime.Write(RetainUntil(handover.At, device.BloodDerived)),
        };
        if (!database.Record(entry, Now))
        {
            return;
        }

        // A device handed over after its recall was received is reached at once.
        var stored = database.EntryOfEvent(eventId)!;
        foreach (var (recallId, json) in database.Recalls())
        {
            var matches = MatchEntries(RecallNoticeJson.Read(json), [stored]);
            if (matches.Count > 0)
            {
                database.AddMatches(recallId, matches, Now);
                Warn(recallId, database);
            }
        }
    }

    private void Match(RegisterDatabase database, long recallId, RecallNotice notice)
    {
        var products = ProductKeys(notice);
        var entries = products.Count == 0 ? [] : database.EntriesOfDevices(products);
        var matches = MatchEntries(notice, entries);
        database.ReplaceMatches(recallId, matches, Now);
        if (matches.Count > 0)
        {
            Warn(recallId, database);
        }
    }

    private void Warn(long recallId, RegisterDatabase database) =>
        _context!.Log.Write(PluginLogLevel.Warning, $"recall {recallId}: {database.PatientsToContact(recallId)} patients to contact (query recall-patients?recall_id={recallId}).");

    /// <summary>10 years after the handover, 40 for devices with blood-derived substances.</summary>
    internal static DateTimeOffset RetainUntil(DateTimeOffset handedOverAt, bool bloodDerived) => handedOverAt.AddYears(bloodDerived ? 40 : 10);

    private static List<(long EntryId, RegisterMatch Match)> MatchEntries(RecallNotice notice, IReadOnlyList<EntryRow> entries)
    {
        var matches = new List<(long, RegisterMatch)>();
        foreach (var entry in entries)
        {
            var best = RegisterMatch.None;
            foreach (var product in notice.Products.Where(p => Key(p) == entry.UdiDi))
            {
                var match = DeviceSelectorMatcher.Match(product.Selector, entry.Lot, entry.Serial, entry.Expiry is null ? null : DateOnly.Parse(entry.Expiry, System.Globalization.CultureInfo.InvariantCulture));
                if (match == RegisterMatch.Concerned || (match == RegisterMatch.CannotTell && best == RegisterMatch.None))
                {
                    best = match;
                }
            }

            if (best != RegisterMatch.None)
            {
                matches.Add((entry.Id, best));
            }
        }

        return matches;
    }

    private static List<string> ProductKeys(RecallNotice notice) => [.. notice.Products.Select(Key).OfType<string>().Distinct(StringComparer.Ordinal)];

    // GTIN-like schemes meet the register's GTIN-14; HIBCC and PPN identifiers are compared as written.
    private static string? Key(RecalledProduct product) => product.CodeScheme switch
    {
        CodeScheme.UdiDi or CodeScheme.Gtin or CodeScheme.Cip13 or CodeScheme.Acl13 or CodeScheme.Hibcc or CodeScheme.Ppn => DeviceKey.Of(product.Code),
        _ => null,
    };

    private void Purge()
    {
        int purged = _database!.Purge(Now);
        if (purged > 0)
        {
            _context!.Log.Write(PluginLogLevel.Information, $"Retention: {purged} register entries past their retention date deleted (audited).");
        }
    }
}
