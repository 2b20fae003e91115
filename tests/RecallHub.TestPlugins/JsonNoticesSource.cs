using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.TestPlugins;

/// <summary>
/// A source whose payload is a JSON array of notices in the hub's own form: it pulls them from the file named by
/// setting <c>file</c>, and its checkpoint is the number of notices already returned. With <c>pull_log</c>, each pull
/// appends a line (process id, time) to that file.
/// </summary>
public sealed class JsonNoticesSource : IRecallSource
{
    private ISourceContext? _context;
    private string? _file;
    private string? _pullLog;

    public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _file = context.Settings.GetString("file");
        _pullLog = context.Settings.GetString("pull_log", null);
        context.Log.Write(PluginLogLevel.Information, $"Reading notices from {_file}.");
        return ValueTask.CompletedTask;
    }

    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("Not started.");
        if (_pullLog is not null)
        {
            // One line per pull, whichever host pulls: a cluster test counts how often the schedule fired.
            await File.AppendAllTextAsync(_pullLog, $"{Environment.ProcessId} {context.Time.GetUtcNow():O}\n", cancellationToken);
        }

        var notices = Parse(new SourcePayload(await File.ReadAllTextAsync(_file!, cancellationToken), "application/json"));
        int seen = checkpoint is null ? 0 : int.Parse(checkpoint, System.Globalization.CultureInfo.InvariantCulture);
        await context.State.SetAsync("last-fetch", context.Time.GetUtcNow().ToString("O"), cancellationToken);
        return new SourceFetchResult([.. notices.Skip(seen)], notices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var document = System.Text.Json.JsonDocument.Parse(payload.Content);
        return [.. document.RootElement.EnumerateArray().Select(item => RecallNoticeJson.Read(item.GetRawText()))];
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
