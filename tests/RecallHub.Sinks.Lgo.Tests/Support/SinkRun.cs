using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>Starts the sink on a context and delivers batches to it as the hub does.</summary>
internal static class SinkRun
{
    public static async Task<LgoSink> StartAsync(IPluginContext context)
    {
        var sink = new LgoSink();
        await sink.StartAsync(context, TestContext.Current.CancellationToken);
        return sink;
    }

    public static ValueTask DeliverAsync(this LgoSink sink, params HubEvent[] events) =>
        sink.DeliverAsync(events, TestContext.Current.CancellationToken);
}
