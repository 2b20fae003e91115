using System.Globalization;
using System.Text;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.TestPlugins;

/// <summary>
/// A pull source that publishes nothing and appends one line per pull to a log file shared by every host
/// (<c>log</c> setting): the process id and the time. Lets a test count how often a schedule fired across a cluster.
/// </summary>
public sealed class PullLogSource : IRecallSource
{
    private ISourceContext? _context;
    private string? _log;

    /// <inheritdoc />
    public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _log = context.Settings.GetString("log");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("Not started.");
        string line = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {context.Time.GetUtcNow():O}\n");

        // Append mode: each host's line lands whole at the end, whichever host writes.
        await using (var file = new FileStream(_log!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        }

        return new SourceFetchResult([], checkpoint);
    }

    /// <inheritdoc />
    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload) => [];

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
