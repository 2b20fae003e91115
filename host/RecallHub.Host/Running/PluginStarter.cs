using Mediator;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Storage;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.Running;

/// <summary>
/// Starts every loaded plugin with its context before the hub serves, and disposes them when it stops. A plugin whose
/// <c>StartAsync</c> throws (bad settings, a missing secret) is marked failed with the reason; the others start.
/// </summary>
internal sealed partial class PluginStarter(
    PluginCatalog catalog,
    RunningPlugins running,
    IRecallHubStore store,
    IMediator mediator,
    ILoggerFactory loggers,
    IHttpClientFactory http,
    TimeProvider time,
    HubNode node,
    ILogger<PluginStarter> log) : IHostedService
{
    /// <summary>How long a plugin may take to start.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var plugin in catalog.Loaded)
        {
            if (!node.Delivers(plugin.Entry.Host))
            {
                // Its files (a register, a file drop) are on that host: only there is it started, fed and asked.
                LogPinnedElsewhere(plugin.Entry.Id, plugin.Entry.Host!, node.Name);
                continue;
            }

            var context = new HostPluginContext(plugin.Entry, loggers, time, http, new StorePluginState(store, plugin.Entry.Id), PublishAsync);
            using var timeout = new CancellationTokenSource(StartTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                switch (plugin.Instance)
                {
                    case IRecallSource source:
                        await source.StartAsync(context, linked.Token).ConfigureAwait(false);
                        running.AddSource(source, context);
                        break;
                    case IRecallSink sink:
                        await sink.StartAsync(context, linked.Token).ConfigureAwait(false);
                        running.AddSink(sink, context);
                        break;
                }

                LogStarted(plugin.Entry.Id, plugin.Manifest.Version);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                string reason = e is OperationCanceledException
                    ? $"Start failed: it did not start within {StartTimeout.TotalSeconds:0} s."
                    : $"Start failed: {e.Message}";
                catalog.MarkFailed(plugin.Entry.Id, reason);
                LogStartFailed(e, plugin.Entry.Id, reason);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var plugin in catalog.Loaded)
        {
            try
            {
                await ((IAsyncDisposable)plugin.Instance).DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Stopping goes on for the others: one plugin's cleanup cannot keep the hub from shutting down.
                LogDisposeFailed(e, plugin.Entry.Id);
            }
        }
    }

    // A source that pushes (a webhook it listens to, a file it watches) publishes through the same engine request
    // as a pull, so its notices are stored, matched and announced alike.
    private async ValueTask PublishAsync(string sourceId, IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken) =>
        _ = await mediator.Send(new IngestNotices(notices, sourceId), cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} runs on host {Host}, not on this one ({ThisHost}): not started here; its events wait in the outbox for that host.")]
    private partial void LogPinnedElsewhere(string pluginId, string host, string thisHost);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} {Version} started.")]
    private partial void LogStarted(string pluginId, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {PluginId}: {Reason}")]
    private partial void LogStartFailed(Exception exception, string pluginId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {PluginId}: disposing failed.")]
    private partial void LogDisposeFailed(Exception exception, string pluginId);
}
