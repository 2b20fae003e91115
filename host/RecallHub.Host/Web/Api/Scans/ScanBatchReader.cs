using System.Globalization;
using System.Text.Json;
using RecallHub.Core.Scanning;

namespace RecallHub.Host.Web.Api.Scans;

/// <summary>
/// Turns the body of <c>POST /api/v1/scans</c> (one scan, or <c>{ "scans": [ … ] }</c>) into submissions for
/// <see cref="RecordScans"/>. Only the shape is judged here: a code that cannot be read is the engine's business and is
/// refused alone, while a body of the wrong shape (unknown event, empty or oversized batch) is refused whole.
/// </summary>
internal static class ScanBatchReader
{
    /// <summary>Reads the scans, or returns the <c>400</c> that lists every shape error with its JSON path.</summary>
    public static (IReadOnlyList<ScanSubmission>? Scans, IResult? Problem) Read(byte[] utf8, JsonElement root)
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
            if (Read(items[i], at, errors) is { } submission)
            {
                submissions[i] = submission;
            }
        }

        return errors.Count > 0 ? Refuse(errors) : (submissions, null);
    }

    private static ScanSubmission? Read(ScanRequest? scan, string at, List<(string, string)> errors)
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

        var @event = default(Core.Storage.PackEvent);
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

        return errors.Count > before ? null : new ScanSubmission(scan.Code, @event)
        {
            ScannedAt = scannedAt,
            Workstation = scan.Workstation,
            Operator = scan.Operator,
            GroupSeparatorSubstitute = scan.GsSubstitute,
        };
    }

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
