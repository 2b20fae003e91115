using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing.Tests.Support;

/// <summary>A sink for the kit's own tests: records each event id in its state; setting <c>fail_on</c> makes it throw on that event type.</summary>
public sealed class LedgerSink : IRecallSink
{
    private IPluginContext? _context;
    private string? _failOn;

    public List<int> BatchSizes { get; } = [];

    public ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _failOn = context.Settings.GetString("fail_on", null);
        _ = context.Settings.GetSecret("token");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        BatchSizes.Add(events.Count);
        foreach (var e in events)
        {
            if (e.Type.ToString() == _failOn)
            {
                throw new InvalidOperationException($"Refused {e.Id}.");
            }

            await _context!.State.SetAsync(e.Id, e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            _context.Log.Write(PluginLogLevel.Information, $"delivered {e.Id}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
