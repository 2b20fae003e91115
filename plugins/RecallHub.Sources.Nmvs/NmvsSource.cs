using System.Collections.Concurrent;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.Nmvs.Alerts;
using RecallHub.Sources.Nmvs.Client;
using RecallHub.Sources.Nmvs.Codes;
using RecallHub.Sources.Nmvs.Queue;

namespace RecallHub.Sources.Nmvs;

/// <summary>
/// The NMVS plugin (<c>nmvs</c>): verifies the serialised packs the pharmacy scans against the national verification
/// system (France MVO), and turns every answer that is not "active, OK" into a <c>verification_alert</c> notice that
/// blocks the batch (recalled), the product (withdrawn) or the box (any other alert). Packs the system cannot be asked
/// about are queued in the plugin's state and asked again, with backoff, on each scheduled <see cref="FetchAsync"/>.
/// </summary>
public sealed class NmvsSource : IRecallSource, IPackVerifier
{
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private ISourceContext? _context;
    private NmvsSettings? _settings;
    private HttpClient? _http;
    private INmvsClient? _client;
    private VerificationQueue? _queue;

    /// <inheritdoc />
    public async ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _settings = NmvsSettings.Read(context.Settings);
        _http = NmvsConnection.Create(_settings);
        _client = new NmvsClient(_http, _settings.Endpoint, _settings.UserId, _settings.Password);
        _queue = new VerificationQueue(context.State);
        await _queue.LoadAsync(cancellationToken).ConfigureAwait(false);
        context.Log.Write(PluginLogLevel.Information, $"NMVS plugin started in {_settings.Mode.ToString().ToLowerInvariant()} mode against {_settings.Endpoint}.");
    }

    /// <inheritdoc />
    public bool IsPending(string gtin, string serial)
    {
        ArgumentNullException.ThrowIfNull(gtin);
        ArgumentNullException.ThrowIfNull(serial);
        return _queue?.Contains(gtin, serial) ?? false;
    }

    /// <summary>Asks the national system again about the queued packs, when the backoff allows; publishes what it finds.</summary>
    /// <param name="checkpoint">Unused: the queue lives in the plugin's state.</param>
    /// <param name="cancellationToken">Stops the retry; packs not answered stay queued.</param>
    /// <returns>No notice (alerts are published as they are found) and the same checkpoint.</returns>
    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var queue = Started().Queue;
        var state = await queue.ReadStateAsync(cancellationToken).ConfigureAwait(false);
        if (!IsDue(state))
        {
            return new SourceFetchResult([], checkpoint);
        }

        foreach (var (id, packs) in await queue.ReadChunksAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!_inFlight.TryAdd(id, 0))
            {
                continue;
            }

            try
            {
                var (_, reachable) = await ProcessAsync(id, packs, int.MaxValue, cancellationToken).ConfigureAwait(false);
                if (!reachable)
                {
                    break;
                }
            }
            finally
            {
                _inFlight.TryRemove(id, out _);
            }
        }

        return new SourceFetchResult([], checkpoint);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PackVerification>> VerifyAsync(IReadOnlyList<PackToVerify> packs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var (_, settings, queue) = Started();
        var queued = packs.Select(p => ToQueued(p, settings)).OfType<QueuedPack>().ToList();
        if (queued.Count == 0)
        {
            return [];
        }

        // Written down before the system is asked: from here on, a failure or a crash cannot lose the pack.
        var ids = await queue.AddAsync(queued, cancellationToken).ConfigureAwait(false);
        var chunks = await queue.ReadChunksAsync(cancellationToken).ConfigureAwait(false);
        var answers = new List<PackVerification>(queued.Count);
        bool asking = IsDue(await queue.ReadStateAsync(cancellationToken).ConfigureAwait(false));
        int budget = settings.InlineLimit;
        foreach (var (id, chunk) in chunks.Where(c => ids.Contains(c.Id)))
        {
            if (!asking || budget <= 0 || !_inFlight.TryAdd(id, 0))
            {
                answers.AddRange(chunk.Select(Pending));
                continue;
            }

            try
            {
                var (done, reachable) = await ProcessAsync(id, chunk, budget, cancellationToken).ConfigureAwait(false);
                answers.AddRange(done);
                budget -= chunk.Count;
                asking = reachable;
            }
            finally
            {
                _inFlight.TryRemove(id, out _);
            }
        }

        return answers;
    }

    /// <summary>
    /// Reads a saved SOAP answer of the national system (any operation) into the notices its alerts lead to: what
    /// <c>recallhub source parse nmvs FILE</c> shows.
    /// </summary>
    /// <param name="payload">A SOAP response.</param>
    /// <exception cref="FormatException">Not an answer of a known operation.</exception>
    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var response = NmvsSoapEnvelope.ReadResponse(payload.Content, null);
        var now = TimeProvider.System.GetUtcNow();
        return [.. response.Results
            .Select(r => r with { RawResponse = payload.Content })
            .Select(r => VerificationNotices.For("nmvs", r, NmvsAnswer.Read(r, NmvsAnswer.Today(now)), now))
            .OfType<RecallNotice>()];
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _queue?.Dispose();
        _http?.Dispose();
        return ValueTask.CompletedTask;
    }

    // Asks about one chunk, at most `budget` packs of it; publishes the alerts, then keeps in the queue only what is
    // still unanswered. Returns the answers and whether the system could be reached.
    private async Task<(IReadOnlyList<PackVerification> Answers, bool Reachable)> ProcessAsync(long id, IReadOnlyList<QueuedPack> chunk, int budget, CancellationToken cancellationToken)
    {
        var (context, settings, queue) = Started();
        var now = context.Time.GetUtcNow();
        var today = NmvsAnswer.Today(now);
        var answered = new Dictionary<long, PackVerification>();
        var notices = new List<RecallNotice>();
        var remaining = new List<QueuedPack>();
        string? failure = null;
        int asked = 0;

        foreach (var group in chunk.GroupBy(p => p.Operation))
        {
            foreach (var slice in group.Chunk(settings.BulkSize))
            {
                if (failure is not null || asked >= budget)
                {
                    remaining.AddRange(slice);
                    continue;
                }

                IReadOnlyList<NmvsPackResult> results;
                try
                {
                    results = await AskAsync(group.Key, slice, cancellationToken).ConfigureAwait(false);
                }
                catch (NmvsUnavailableException e)
                {
                    failure = e.Message;
                    remaining.AddRange(slice);
                    continue;
                }

                asked += slice.Length;
                for (int i = 0; i < slice.Length; i++)
                {
                    var answer = NmvsAnswer.Read(results[i], today, dispensed: group.Key == QueuedOperation.Dispense);
                    if (answer.Outcome is NmvsOutcome.Technical or NmvsOutcome.Configuration)
                    {
                        // The system spoke, but not about the pack: ask again later.
                        failure ??= answer.Message;
                        remaining.Add(slice[i]);
                        answered[slice[i].ScanId] = Pending(slice[i]) with { Message = answer.Message, Code = answer.Code };
                        continue;
                    }

                    if (VerificationNotices.For(context.PluginId, results[i], answer, now) is { } notice)
                    {
                        notices.Add(notice);
                    }

                    answered[slice[i].ScanId] = new PackVerification(
                        slice[i].ScanId,
                        answer.Outcome == NmvsOutcome.Ok ? PackVerificationStatus.Verified : PackVerificationStatus.Alert,
                        answer.Outcome == NmvsOutcome.Ok && group.Key != QueuedOperation.Verify ? Done(group.Key, answer.Code) : answer.Message,
                        answer.Action)
                    {
                        Code = answer.Code,
                        AlertId = results[i].AlertId,
                        PackState = results[i].PackState,
                    };
                }
            }
        }

        // Published (and committed by the hub) before the packs leave the queue: an alert is never dropped.
        if (notices.Count > 0)
        {
            await context.PublishAsync([.. notices.DistinctBy(n => n.SourceId)], cancellationToken).ConfigureAwait(false);
        }

        await queue.KeepAsync(id, remaining, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            await queue.FailedAsync(now, failure, cancellationToken).ConfigureAwait(false);
            context.Log.Write(PluginLogLevel.Warning, $"NMVS: {remaining.Count} pack(s) stay queued and will be asked again: {failure}");
        }
        else
        {
            await queue.SucceededAsync(cancellationToken).ConfigureAwait(false);
        }

        var answers = chunk.Select(p => answered.TryGetValue(p.ScanId, out var a) ? a : Pending(p)).ToList();
        return (answers, failure is null);
    }

    private async Task<IReadOnlyList<NmvsPackResult>> AskAsync(QueuedOperation operation, QueuedPack[] slice, CancellationToken cancellationToken)
    {
        var client = _client!;
        if (slice.Length == 1)
        {
            var pack = slice[0].ToPack();
            return [operation switch
            {
                QueuedOperation.Dispense => await client.DispenseAsync(pack, cancellationToken).ConfigureAwait(false),
                QueuedOperation.UndoDispense => await client.UndoDispenseAsync(pack, cancellationToken).ConfigureAwait(false),
                _ => await client.VerifyAsync(pack, cancellationToken).ConfigureAwait(false),
            }];
        }

        var packs = slice.Select(p => p.ToPack()).ToList();
        return operation switch
        {
            QueuedOperation.Dispense => await client.DispenseBulkAsync(packs, cancellationToken).ConfigureAwait(false),
            QueuedOperation.UndoDispense => await client.UndoDispenseBulkAsync(packs, cancellationToken).ConfigureAwait(false),
            _ => await client.VerifyBulkAsync(packs, cancellationToken).ConfigureAwait(false),
        };
    }

    private bool IsDue(QueueState state) => state.NextAttemptAt is not { } next || next <= _context!.Time.GetUtcNow();

    private static QueuedPack? ToQueued(PackToVerify pack, NmvsSettings settings)
    {
        QueuedOperation? operation = pack.Event switch
        {
            PackScanEvent.Reception => QueuedOperation.Verify,
            PackScanEvent.Return => settings.DispenseOnDispensation ? QueuedOperation.UndoDispense : QueuedOperation.Verify,
            PackScanEvent.Dispensation when settings.DispenseOnDispensation => QueuedOperation.Dispense,

            // Dispensing is the pharmacy software's act unless told otherwise; a verify after it would raise a false alert.
            _ => null,
        };
        return operation is { } op ? new QueuedPack(pack.ScanId, op, pack.Gtin, pack.Serial, pack.Lot, pack.Expiry, pack.ScannedAt) : null;
    }

    private static PackVerification Pending(QueuedPack pack) =>
        new(pack.ScanId, PackVerificationStatus.Pending, NmvsReturnCodes.PendingMessage, NmvsReturnCodes.PendingAction);

    private static string Done(QueuedOperation operation, string code) => operation == QueuedOperation.Dispense
        ? $"Délivrance enregistrée dans le système national de vérification (code NMVS {code})."
        : $"Délivrance annulée dans le système national : la boîte est de nouveau active (code NMVS {code}).";

    private (ISourceContext Context, NmvsSettings Settings, VerificationQueue Queue) Started() =>
        _context is null ? throw new InvalidOperationException("The NMVS plugin is not started.") : (_context, _settings!, _queue!);
}
