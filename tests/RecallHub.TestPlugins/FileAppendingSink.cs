using RecallHub.Abstractions.Plugins;

namespace RecallHub.TestPlugins;

/// <summary>
/// A sink that appends one line per event to a file: <c>id type recall lot serial</c>. Settings: <c>file</c>;
/// <c>fail</c> (always throw); <c>fail_while_exists</c> (throw while that file exists: a webhook that is down, then
/// comes back).
/// </summary>
public sealed class FileAppendingSink : IRecallSink
{
    private string? _file;
    private bool _fail;
    private string? _failWhileExists;

    /// <inheritdoc />
    public ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _file = context.Settings.GetString("file");
        _fail = context.Settings.GetBoolean("fail", false);
        _failWhileExists = context.Settings.GetString("fail_while_exists", null);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        if (_fail || (_failWhileExists is not null && File.Exists(_failWhileExists)))
        {
            throw new IOException("The sink is configured to fail.");
        }

        await File.AppendAllLinesAsync(
            _file!,
            events.Select(e => $"{e.Id} {e.Type} {e.RecallId} {e.Pack?.Lot} {e.Pack?.Serial}".TrimEnd()),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
