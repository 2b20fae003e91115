using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Patients;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Host.Web.Patients;

namespace RecallHub.Host.Web.Api.Scans;

/// <summary>
/// Turns the body of <c>POST /api/v1/scans</c> (one scan, or <c>{ "scans": [ … ] }</c>) into submissions for
/// <see cref="RecordScans"/>. Only the shape is judged here: a code that cannot be read is the engine's business and is
/// refused alone, while a body of the wrong shape (unknown event, empty or oversized batch, a wrong INS) is refused
/// whole. A patient is sealed here, as soon as it is read: the engine, the store and the outbox only ever see the seal.
/// </summary>
internal static class ScanBatchReader
{
    /// <summary>Reads the scans, or returns the <c>400</c> that lists every shape error with its JSON path.</summary>
    public static (IReadOnlyList<ScanSubmission>? Scans, IResult? Problem) Read(byte[] utf8, JsonElement root, PatientIdentitySeal? seal)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Refuse([("$", $"Expected one scan object or {{ \"scans\": [ … ] }}, found {Describe(root.ValueKind)}.")]);
        }

        IReadOnlyList<ScanRequest?> items;
        string prefix;
        if (root.TryGetProperty("scans", out _))
        {
            if (!JsonBody.TryRead(utf8, HubJsonContext.Default.ScanBatchRequest, out var batch, out var problem))
            {
                return (null, problem);
            }

            if (batch.Scans is not { } scans)
            {
                return Refuse([("$.scans", "Expected an array of scans, found null.")]);
            }

            if (scans.Count == 0)
            {
                return Refuse([("$.scans", "The batch is empty: send at least one scan.")]);
            }

            if (scans.Count > RecordScans.MaxBatch)
            {
                return Refuse([("$.scans", $"A batch holds at most {RecordScans.MaxBatch} scans; this one has {scans.Count}. Split it.")]);
            }

            items = scans;
            prefix = "$.scans";
        }
        else
        {
            if (!JsonBody.TryRead(utf8, HubJsonContext.Default.ScanRequest, out var scan, out var problem))
            {
                return (null, problem);
            }

            items = [scan];
            prefix = "";
        }

        var errors = new List<(string, string)>();
        var submissions = new ScanSubmission[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            string at = prefix.Length == 0 ? "$" : $"{prefix}[{i}]";
            if (Read(items[i], at, errors, seal) is { } submission)
            {
                submissions[i] = submission;
            }
        }

        return errors.Count > 0 ? Refuse(errors) : (submissions, null);
    }

    private static ScanSubmission? Read(ScanRequest? scan, string at, List<(string, string)> errors, PatientIdentitySeal? seal)
    {
        if (scan is null)
        {
            errors.Add((at, "Expected a scan object, found null."));
            return null;
        }

        int before = errors.Count;

        // An empty code is what a scanner sends on a misread: the engine refuses that scan alone. A missing one is a
        // client bug, refused with the body.
        if (scan.Code is null)
        {
            errors.Add((at + ".code", "Required: the code as the scanner sent it."));
        }

        var @event = default(PackEvent);
        if (scan.Event is null)
        {
            errors.Add((at + ".event", $"Required: why the pack was scanned, one of {string.Join(", ", ApiNames.PackEvents.Keys)}."));
        }
        else if (!ApiNames.PackEvents.TryGetValue(scan.Event, out @event))
        {
            errors.Add((at + ".event", $"'{scan.Event}' is not an event: use one of {string.Join(", ", ApiNames.PackEvents.Keys)}."));
        }

        DateTimeOffset? scannedAt = null;
        if (scan.ScannedAt is { } text)
        {
            scannedAt = ParseInstant(text);
            if (scannedAt is null)
            {
                errors.Add((at + ".scanned_at", $"'{text}' is not an ISO 8601 date-time with an offset (e.g. 2026-11-22T09:30:00+01:00 or …Z)."));
            }
        }

        var handover = ReadHandover(scan, at, scan.Event is null ? null : @event, errors);
        if (errors.Count > before)
        {
            return null;
        }

        string? sealedPatient = null;
        if (handover.Patient is { } patient)
        {
            if (seal is null)
            {
                errors.Add((at + ".patient", $"The hub cannot store a patient identity without {PatientKey.Setting}: configure the patient key (base64 of 32 random bytes) or send the scan without the patient."));
                return null;
            }

            sealedPatient = seal.Seal(patient, scan.Code!);
        }

        return new ScanSubmission(scan.Code, @event)
        {
            ScannedAt = scannedAt,
            Workstation = scan.Workstation,
            Operator = scan.Operator,
            GroupSeparatorSubstitute = scan.GsSubstitute,
            SealedPatient = sealedPatient,
            Prescriber = handover.Prescriber,
            Place = handover.Place,
        };
    }

    // Messages name the member and the fault, never the patient's data: problem bodies end up in LGO logs.
    private static (PatientIdentity? Patient, string? Prescriber, string? Place) ReadHandover(ScanRequest scan, string at, PackEvent? @event, List<(string, string)> errors)
    {
        if (scan.Patient is null && scan.Prescriber is null && scan.Place is null)
        {
            return (null, null, null);
        }

        if (@event is not (PackEvent.Implantation or PackEvent.Dispensation))
        {
            string member = scan.Patient is not null ? "patient" : scan.Prescriber is not null ? "prescriber" : "place";
            errors.Add((at + "." + member, $"Only an implantation or a dispensation scan goes to a patient, not '{scan.Event}': send {member} with event implantation or dispensation, or leave it out."));
            return (null, null, null);
        }

        PatientIdentity? patient = null;
        if (scan.Patient is { } given)
        {
            if (!InsNumber.TryNormalize(given.Ins, out string ins, out string? problem))
            {
                errors.Add((at + ".patient.ins", given.Ins is null ? "Required: the patient's INS (13 characters and the 2-digit key)." : problem!));
            }

            DateOnly? birthDate = null;
            if (given.BirthDate is { } text)
            {
                birthDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
                if (birthDate is null)
                {
                    errors.Add((at + ".patient.birth_date", "Not a date: write YYYY-MM-DD."));
                }
            }

            CheckLength(given.FamilyName, at + ".patient.family_name", errors);
            CheckLength(given.GivenNames, at + ".patient.given_names", errors);
            patient = new PatientIdentity(ins, Blank(given.FamilyName), Blank(given.GivenNames), birthDate);
        }

        string? prescriber = null;
        if (scan.Prescriber is { } who)
        {
            string? name = Blank(who.Name);
            string? rpps = Blank(who.Rpps)?.Replace(" ", "", StringComparison.Ordinal);
            if (name is null && rpps is null)
            {
                errors.Add((at + ".prescriber", "Give the prescriber's name, RPPS number, or both."));
            }
            else if (rpps is not null && (rpps.Length != 11 || !rpps.All(char.IsAsciiDigit)))
            {
                errors.Add((at + ".prescriber.rpps", "An RPPS number has 11 digits."));
            }

            CheckLength(name, at + ".prescriber.name", errors);
            prescriber = name is null ? (rpps is null ? null : $"RPPS {rpps}") : rpps is null ? name : $"{name} (RPPS {rpps})";
        }

        CheckLength(scan.Place, at + ".place", errors);
        return (patient, prescriber, Blank(scan.Place));
    }

    private static void CheckLength(string? text, string path, List<(string, string)> errors)
    {
        if (text is { Length: > 200 })
        {
            errors.Add((path, "At most 200 characters."));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // A time without an offset would be read in the server's zone: refuse it rather than guess.
    private static DateTimeOffset? ParseInstant(string text)
    {
        bool hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && text.Contains('T', StringComparison.Ordinal)
            ? value
            : null;
    }

    private static (IReadOnlyList<ScanSubmission>?, IResult?) Refuse(IReadOnlyList<(string, string)> errors) =>
        (null, ApiProblems.Invalid("Malformed scans", errors));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "true or false",
    };
}
