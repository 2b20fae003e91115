using System.Globalization;
using System.Text;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// Tells on standard error how far an import got: a bar redrawn in place on a terminal, or one plain line after the
/// first committed batch and then at most one a second when the output is redirected (a log must not be flooded).
/// Every line says the last committed line, so that whoever reads it can resume from there.
/// </summary>
internal sealed class ImportProgress
{
    /// <summary>How many refused lines are listed; the rest are only counted.</summary>
    public const int ListedRefusals = 100;

    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(100);
    private const int BarWidth = 30;

    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly TimeProvider _time;
    private readonly string _name;
    private readonly long? _length;
    private readonly long _start;
    private long? _shownAt;
    private int _barLength;
    private long _refusals;

    /// <summary>Starts the clock of an import.</summary>
    /// <param name="error">Where progress goes.</param>
    /// <param name="terminal">Whether <paramref name="error"/> is a terminal, where a bar can be redrawn.</param>
    /// <param name="time">The clock.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="length">The file's size in bytes, when known (not for standard input).</param>
    public ImportProgress(TextWriter error, bool terminal, TimeProvider time, string name, long? length)
    {
        _error = error;
        _terminal = terminal;
        _time = time;
        _name = name;
        _length = length;
        _start = time.GetTimestamp();
    }

    /// <summary>How long the import has run.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Scans handled a second, or <see langword="null"/> before any time has passed.</summary>
    public double? Rate(ImportTally tally) => Elapsed.TotalSeconds > 0 ? tally.Handled / Elapsed.TotalSeconds : null;

    /// <summary>Lists a refused line with what is wrong, up to <see cref="ListedRefusals"/> of them.</summary>
    public async Task RefusedAsync(long line, string problem)
    {
        _refusals++;
        if (_refusals > ListedRefusals)
        {
            return;
        }

        await ClearBarAsync().ConfigureAwait(false);
        await _error.WriteLineAsync($"{_name}:{line}: {problem}").ConfigureAwait(false);
        if (_refusals == ListedRefusals)
        {
            await _error.WriteLineAsync($"{_name}: further refused lines are not listed, only counted.").ConfigureAwait(false);
        }
    }

    /// <summary>Says that every line up to <paramref name="line"/> is committed.</summary>
    /// <param name="line">The last line of the committed batch.</param>
    /// <param name="position">Bytes of the file read so far, when known.</param>
    /// <param name="tally">What the import has done so far.</param>
    public async Task CommittedAsync(long line, long? position, ImportTally tally)
    {
        long now = _time.GetTimestamp();
        if (_shownAt is { } shown && _time.GetElapsedTime(shown, now) < (_terminal ? BarInterval : LineInterval))
        {
            return;
        }

        _shownAt = now;
        double? fraction = _length is > 0 && position is { } read ? Math.Min(1, (double)read / _length.Value) : null;
        string rate = Rate(tally) is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:F0} scans/s") : "";
        string eta = fraction is > 0 and < 1 && Elapsed.TotalSeconds > 0 ? $", ETA {Duration(Elapsed * ((1 - fraction.Value) / fraction.Value))}" : "";
        if (_terminal)
        {
            int filled = (int)((fraction ?? 0) * BarWidth);
            string bar = fraction is null ? "" : string.Create(CultureInfo.InvariantCulture, $"[{new string('=', filled)}{new string(' ', BarWidth - filled)}] {fraction * 100:F0}% ");
            await DrawBarAsync($"{bar}line {line}, {tally.Handled} scans, {rate}{eta}").ConfigureAwait(false);
        }
        else
        {
            string part = fraction is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {fraction * 100:F0}% of {_length / 1e6:F1} MB");
            await _error.WriteLineAsync(
                $"recallhub import-scans: committed up to line {line} ({tally.Stored} stored, {tally.Refused} refused, {tally.Blocked} pack(s) blocked){part}" +
                (rate.Length > 0 ? $", {rate}{eta}" : "")).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the bar so that the next lines start clean.</summary>
    public Task EndAsync() => ClearBarAsync();

    /// <summary><c>42 s</c>, <c>3:07</c>, <c>1:02:09</c>.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:F1} s")
        : span.TotalHours < 1 ? span.ToString(@"m\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);

    private async Task DrawBarAsync(string text)
    {
        var line = new StringBuilder("\r").Append(text);
        if (text.Length < _barLength)
        {
            line.Append(' ', _barLength - text.Length);
        }

        _barLength = text.Length;
        await _error.WriteAsync(line.ToString()).ConfigureAwait(false);
        await _error.FlushAsync().ConfigureAwait(false);
    }

    private async Task ClearBarAsync()
    {
        if (_barLength > 0)
        {
            await _error.WriteAsync("\r" + new string(' ', _barLength) + "\r").ConfigureAwait(false);
            _barLength = 0;
        }
    }
}
