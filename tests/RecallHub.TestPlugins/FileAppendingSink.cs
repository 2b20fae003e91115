using RecallHub.Abstractions.Plugins;

namespace RecallHub.TestPlugins;

/// <summary>A sink that appends each event's id and type to the file named by setting <c>file</c>; fails while setting <c>fail</c> is true.</summary>
public sealed class FileAppendingSink : IRecallSink
{
    private string? _file;
    private bool _fail;

    public ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        _file = context.Settings.GetString("file");
        _fail = context.Settings.GetBoolean("fail", false);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        if (_fail)
        {
            throw new IOException("The sink is configured to fail.");
        }

        await File.AppendAllLinesAsync(_file!, events.Select(e => $"{e.Id} {e.Type}"), cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
