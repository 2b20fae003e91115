using System.Globalization;
using System.Security.Cryptography;
using RecallHub.Abstractions.Patients;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.ImplantRegister.Register;

namespace RecallHub.Sinks.ImplantRegister.Queries;

/// <summary>
/// The register's queries. Each one that returns identities opens the seals, then writes its audit row (who, when,
/// which query, the parameters with the INS hashed, which entries), and only then answers.
/// </summary>
internal sealed class RegisterQueries(RegisterDatabase database, PatientIdentitySeal seal, PatientHasher hasher, TimeProvider time)
{
    public static IReadOnlyList<PluginQueryDescription> All { get; } =
    [
        new("recall-patients", "The patients to contact for a recall: each registered device the recall reaches, with the patient.",
            [new("recall_id", "The hub's recall id.", Required: true)]),
        new("lot-patients", "The patients who received a device of one lot.",
            [new("udi_di", "The device's UDI-DI (a GTIN, compared as GTIN-14).", Required: true), new("lot", "The lot.", Required: true)]),
        new("patient-devices", "The devices one patient received.",
            [new("ins", "The patient's INS (15 characters).", Required: true)]),
        new("register", "The register for inspection, oldest first, with the patients.",
            [new("from", "First day, YYYY-MM-DD (inclusive); the beginning when omitted.", Required: false), new("to", "Last day, YYYY-MM-DD (inclusive); today when omitted.", Required: false)]),
    ];

    private static readonly string[] Columns =
    [
        "entry_id", "event", "handed_over_at", "udi_di", "udi", "device_name", "manufacturer", "lot", "serial", "expiry",
        "place", "prescriber", "operator", "ins", "family_name", "given_names", "birth_date", "retain_until",
    ];

    public PluginQueryResult Answer(string name, IReadOnlyDictionary<string, string> parameters, string requestedBy)
    {
        var description = All.FirstOrDefault(q => q.Name == name) ?? throw new PluginQueryException($"No query '{name}'.");
        var unknown = parameters.Keys.Where(k => !description.Parameters.Any(p => p.Name == k)).ToList();
        if (unknown.Count > 0)
        {
            throw new PluginQueryException($"Query '{name}' takes no parameter {string.Join(", ", unknown.Select(u => $"'{u}'"))}: it takes {string.Join(", ", description.Parameters.Select(p => p.Name))}.");
        }

        var audited = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        bool recall = false;
        IReadOnlyList<EntryRow> rows;
        switch (name)
        {
            case "recall-patients":
                recall = true;
                rows = database.EntriesOfRecall(Long(parameters, "recall_id"));
                break;
            case "lot-patients":
                rows = database.EntriesOfLot(DeviceKey.Of(Required(parameters, "udi_di")), Required(parameters, "lot"));
                break;
            case "patient-devices":
                if (!InsNumber.TryNormalize(Required(parameters, "ins"), out string ins, out string? problem))
                {
                    throw new PluginQueryException($"Parameter 'ins': {problem}");
                }

                string insHash = hasher.Hash(ins);
                audited.Remove("ins");
                audited["ins_hash"] = insHash;
                rows = database.EntriesOfPatient(insHash);
                break;
            case "register":
                var from = Date(parameters, "from");
                var to = Date(parameters, "to");
                if (from > to)
                {
                    throw new PluginQueryException($"Parameter 'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).");
                }

                rows = database.EntriesBetween(
                    from is { } f ? RegisterTime.Write(new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null,
                    to is { } t ? RegisterTime.Write(new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null);
                break;
            default:
                throw new PluginQueryException($"No query '{name}'.");
        }

        var table = rows.Select(row => Row(row, Open(row))).ToList();
        database.Audit(time.GetUtcNow(), requestedBy, "query", name, audited, [.. rows.Select(r => r.Id)]);
        return new PluginQueryResult(recall ? [.. Columns, "outcome"] : Columns, recall ? [.. table.Select((r, i) => (IReadOnlyList<string?>)[.. r, rows[i].Outcome])] : table);
    }

    private PatientIdentity Open(EntryRow row)
    {
        try
        {
            return seal.Open(row.SealedPatient, row.RawCode);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidOperationException(
                $"Register entry {row.Id} (scan {row.ScanId}, {row.HandedOverAt}): the patient's seal does not open with the patient key ({e.Message}). " +
                "The entry is kept; nothing was answered.", e);
        }
    }

    private static IReadOnlyList<string?> Row(EntryRow row, PatientIdentity patient) =>
    [
        row.Id.ToString(CultureInfo.InvariantCulture), row.Event, row.HandedOverAt, row.UdiDi, row.Udi, row.DeviceName, row.Manufacturer,
        row.Lot, row.Serial, row.Expiry, row.Place, row.Prescriber, row.Operator,
        patient.Ins, patient.FamilyName, patient.GivenNames, RegisterTime.Date(patient.BirthDate), row.RetainUntil,
    ];

    private static string Required(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new PluginQueryException($"Parameter '{name}' is required.");

    private static long Long(IReadOnlyDictionary<string, string> parameters, string name) =>
        long.TryParse(Required(parameters, name), NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new PluginQueryException($"Parameter '{name}' must be a whole number.");

    private static DateOnly? Date(IReadOnlyDictionary<string, string> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out string? text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new PluginQueryException($"Parameter '{name}' must be a date, YYYY-MM-DD.");
    }
}
