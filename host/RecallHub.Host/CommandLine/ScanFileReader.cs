using System.Diagnostics.CodeAnalysis;
using RecallHub.Core.Scanning;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// Reads a file of pack scans line by line, never holding more than one line: either one raw code per line (escapes
/// such as <c>\x1d</c> for GS allowed, blank lines skipped) or CSV whose header names a <c>code</c> column, and
/// optionally <c>event</c>, <c>scanned_at</c>, <c>workstation</c>, <c>operator</c> (comma- or semicolon-separated).
/// </summary>
internal sealed class ScanFileReader
{
    /// <summary>The columns a CSV scan file may have.</summary>
    public static readonly IReadOnlyList<string> Columns = ["code", "event", "scanned_at", "workstation", "operator"];

    private readonly TextReader _reader;
    private readonly ScanFileSettings _settings;
    private readonly List<string> _fields = [];
    private string? _pending;
    private long _pendingNumber;
    private char _delimiter;
    private int _width;
    private int _code = -1;
    private int _event = -1;
    private int _scannedAt = -1;
    private int _workstation = -1;
    private int _operator = -1;

    private ScanFileReader(TextReader reader, ScanFileSettings settings)
    {
        _reader = reader;
        _settings = settings;
    }

    /// <summary>Whether the file is CSV with a header; otherwise one raw code per line.</summary>
    public bool IsCsv { get; private set; }

    /// <summary>The number of the last line read, from 1.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Columns of the header that are not scan columns, ignored.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    /// <summary>Reads up to the first line that is not blank to tell the format, and the CSV header when there is one.</summary>
    /// <exception cref="FormatException">The CSV header is unreadable or names a column twice.</exception>
    public static ScanFileReader Open(TextReader reader, ScanFileSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(settings);
        var file = new ScanFileReader(reader, settings);
        file.ReadHeader();
        return file;
    }

    /// <summary>Reads the next line that is not blank, skipping those before <see cref="ScanFileSettings.FromLine"/>.</summary>
    /// <returns><see langword="false"/> at the end of the file.</returns>
    public bool TryRead(out ScanFileLine line)
    {
        while (NextLine() is { } text)
        {
            if (LineNumber < _settings.FromLine || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            line = IsCsv ? ReadCsv(text) : ReadRaw(text);
            return true;
        }

        line = default;
        return false;
    }

    private string? NextLine()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            LineNumber = _pendingNumber;
            return pending;
        }

        string? text = _reader.ReadLine();
        if (text is not null)
        {
            LineNumber++;
        }

        return text;
    }

    private void ReadHeader()
    {
        string? first;
        do
        {
            first = _reader.ReadLine();
            if (first is null)
            {
                return;
            }

            LineNumber++;
        }
        while (string.IsNullOrWhiteSpace(first));

        foreach (char delimiter in new[] { ',', ';' })
        {
            if (CsvRecord.TrySplit(first, delimiter, _fields, out _) && _fields.Exists(f => IsColumn(f, "code")))
            {
                IsCsv = true;
                _delimiter = delimiter;
                ReadColumns();
                return;
            }
        }

        // Not a header: the first code, read again by TryRead.
        _pending = first;
        _pendingNumber = LineNumber;
        LineNumber--;
    }

    private void ReadColumns()
    {
        _width = _fields.Count;
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ignored = new List<string>();
        for (int i = 0; i < _fields.Count; i++)
        {
            string name = _fields[i].Trim().TrimStart('\uFEFF');
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                ignored.Add(name);
            }
            else if (!positions.TryAdd(name, i))
            {
                throw new FormatException($"line {LineNumber}: the header names the column '{name}' twice.");
            }
        }

        _code = positions["code"];
        _event = positions.GetValueOrDefault("event", -1);
        _scannedAt = positions.GetValueOrDefault("scanned_at", -1);
        _workstation = positions.GetValueOrDefault("workstation", -1);
        _operator = positions.GetValueOrDefault("operator", -1);
        IgnoredColumns = ignored;
    }

    // A byte order mark survives on standard input, where no StreamReader of ours strips it.
    private static bool IsColumn(string field, string column) => string.Equals(field.Trim().TrimStart('\uFEFF'), column, StringComparison.OrdinalIgnoreCase);

    private ScanFileLine ReadRaw(string text) =>
        TryUnescape(text, out string? code, out string? problem)
            ? new ScanFileLine(LineNumber, new ScanSubmission(code, _settings.Event) { GroupSeparatorSubstitute = _settings.GroupSeparatorSubstitute }, null)
            : new ScanFileLine(LineNumber, null, problem);

    private ScanFileLine ReadCsv(string text)
    {
        if (!CsvRecord.TrySplit(text, _delimiter, _fields, out string? split))
        {
            return Refused(split);
        }

        if (_fields.Count != _width)
        {
            return Refused($"{_fields.Count} field(s) where the header has {_width} (fields are separated by '{_delimiter}'; quote a field that holds one)");
        }

        if (!TryUnescape(_fields[_code], out string? code, out string? escape))
        {
            return Refused(escape);
        }

        var @event = _settings.Event;
        if (Field(_event) is { } eventName && !PackEventNames.TryParse(eventName, out @event))
        {
            return Refused($"unknown event '{eventName}' (expected {PackEventNames.Expected})");
        }

        DateTimeOffset? scannedAt = null;
        if (Field(_scannedAt) is { } at)
        {
            if (!ScannedAtText.TryParse(at, _settings.LocalTimeZone, out var parsed))
            {
                return Refused($"scanned_at '{at}' is not an ISO 8601 date and time (such as 2026-11-20T14:03:00+01:00)");
            }

            scannedAt = parsed;
        }

        return new ScanFileLine(LineNumber, new ScanSubmission(code, @event)
        {
            ScannedAt = scannedAt,
            Workstation = Field(_workstation),
            Operator = Field(_operator),
            GroupSeparatorSubstitute = _settings.GroupSeparatorSubstitute,
        }, null);
    }

    private string? Field(int index) => index >= 0 && _fields[index] is { Length: > 0 } value ? value : null;

    private ScanFileLine Refused(string problem) => new(LineNumber, null, problem);

    private static bool TryUnescape(string text, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            code = ControlCharacterEscapes.Unescape(text);
            problem = null;
            return true;
        }
        catch (FormatException e)
        {
            code = null;
            problem = e.Message;
            return false;
        }
    }
}
