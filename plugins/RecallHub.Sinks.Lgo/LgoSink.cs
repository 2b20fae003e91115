using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Lgo.DeadLetters;
using RecallHub.Sinks.Lgo.FileDrop;
using RecallHub.Sinks.Lgo.Recalls;
using RecallHub.Sinks.Lgo.Webhook;

namespace RecallHub.Sinks.Lgo;

/// <summary>
/// The <c>lgo</c> sink: tells the pharmacy software (LGO) which packs to block. Two ways, each on when configured:
/// a signed webhook push of block, unblock and recall events (<c>webhook_url</c>), and a file drop of the packs
/// blocked now, in CSV and JSON (<c>file_drop_folder</c>). The LGO also asks the hub at dispensing
/// (<c>POST /api/v1/check</c>); docs/lgo-integration.md shows how the three fit.
/// </summary>
/// <remarks>
/// <para>Each batch goes to the file drop first (local, and independent of the LGO being up), then to the webhook.
/// Both are idempotent by event id, so a batch the hub retries does nothing twice.</para>
/// <para>An event the webhook gives up on goes to the dead letters (<c>dead-letter.json</c> and an error in the
/// log) and the next events go on; until then the batch throws and the hub retries it with backoff.</para>
/// </remarks>
public sealed class LgoSink : IRecallSink
{
    private RecallHeadlines? _headlines;
    private BlockedCodesFolder? _fileDrop;
    private WebhookDelivery? _webhook;

    /// <inheritdoc />
    public async ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = LgoSinkSettings.Read(context.Settings);
        _headlines = new RecallHeadlines(context.State);

        if (settings.FileDropFolder is { } folder)
        {
            _fileDrop = new BlockedCodesFolder(folder, context);
            await _fileDrop.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        if (settings.WebhookUrl is not null)
        {
            var deadLetters = new DeadLetterList(context.State, settings.DeadLetterFile, context.Time);
            await deadLetters.LoadAsync(cancellationToken).ConfigureAwait(false);
            _webhook = new WebhookDelivery(context, settings, deadLetters, _headlines);
            await _webhook.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (deadLetters.Letters.Count > 0)
            {
                context.Log.Write(PluginLogLevel.Error, $"{deadLetters.Letters.Count} events were not taken by the LGO and wait in the dead letters ({settings.DeadLetterFile ?? "the plugin's state"}).");
            }
        }

        context.Log.Write(
            PluginLogLevel.Information,
            $"LGO sink started: webhook {(settings.WebhookUrl is { } url ? $"to {url.GetLeftPart(UriPartial.Path)}" : "off")}, file drop {settings.FileDropFolder ?? "off"}.");
    }

    /// <inheritdoc />
    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var headlines = _headlines ?? throw new InvalidOperationException("The LGO sink was not started.");
        foreach (var hubEvent in events)
        {
            await headlines.RememberAsync(hubEvent, cancellationToken).ConfigureAwait(false);
        }

        if (_fileDrop is not null)
        {
            await _fileDrop.DeliverAsync(events, headlines, cancellationToken).ConfigureAwait(false);
        }

        if (_webhook is not null)
        {
            await _webhook.DeliverAsync(events, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
