using System.Collections.Concurrent;
using Mediator;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Storage;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.Running;

/// <summary>
/// Pulls a source once: from its stored checkpoint, fetch after fetch while it says it has more, each page ingested
/// together with its checkpoint in one transaction — so a crash or an error repeats a page rather than losing it.
/// </summary>
/// <remarks>
/// One pull of a source at a time (the schedule and a manual run wait for each other). A failed pull marks the plugin
/// failed with the reason; the next good one clears it.
/// </remarks>
internal sealed partial class SourcePull(
    RunningPlugins plugins,
    IRecallHubStore store,
    IMediator mediator,
    PluginCatalog catalog,
    TimeProvider time,
    ILogger<SourcePull> log)
{
    /// <summary>Fetches one pull makes at most: a source that always says "more" is a bug, not an endless backlog.</summary>
    public const int MaxPages = 1_000;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SourcePullReport> _last = new(StringComparer.Ordinal);

    /// <summary>The last pull of each source since the hub started.</summary>
    public IReadOnlyDictionary<string, SourcePullReport> LastPulls => _last;

    /// <summary>Pulls <paramref name="sourceId"/> now.</summary>
    /// <exception cref="KeyNotFoundException">No running source has this id.</exception>
    public async Task<SourcePullReport> RunAsync(string sourceId, CancellationToken cancellationToken)
    {
        var source = plugins.FindSource(sourceId)
            ?? throw new KeyNotFoundException($"No running source '{sourceId}': it is not in plugins.json, is disabled, or failed to load or start.");
        var gate = _gates.GetOrAdd(sourceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = time.GetUtcNow();
            int pages = 0, notices = 0, changed = 0, blocks = 0;
            string? checkpoint = null;
            string? error = null;
            try
            {
                await using (var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false))
                {
                    checkpoint = (await session.Checkpoints.GetAsync(sourceId, cancellationToken).ConfigureAwait(false))?.Checkpoint;
                }

                bool more = true;
                while (more && pages < MaxPages)
                {
                    var page = await source.FetchAsync(checkpoint, cancellationToken).ConfigureAwait(false);
                    pages++;
                    var report = await mediator.Send(
                        new IngestNotices(page.Notices, sourceId)
                        {
                            // Conditional: if another host pulled this source meanwhile, this page is not stored twice
                            // and the checkpoint never moves back.
                            Checkpoint = page.Checkpoint is null ? null : new SourceCheckpointAdvance(sourceId, page.Checkpoint) { Expected = new ExpectedCheckpoint(checkpoint) },
                        },
                        cancellationToken).ConfigureAwait(false);
                    notices += page.Notices.Count;
                    changed += report.Notices.Count(n => n.Upsert.Outcome is RecallUpsertOutcome.Created or RecallUpsertOutcome.NewRevision or RecallUpsertOutcome.Linked);
                    blocks += report.BlocksPlaced;
                    checkpoint = page.Checkpoint ?? checkpoint;
                    more = page.HasMore;
                    LogPage(sourceId, pages, page.Notices.Count, report.BlocksPlaced, checkpoint);
                }

                if (more)
                {
                    error = $"The source still said it had more after {MaxPages} fetches; the pull stopped there (checkpoint {checkpoint}). A source must advance its checkpoint and end with has_more false.";
                }
            }
            catch (CheckpointConflictException)
            {
                // Another host pulled this source meanwhile and stored what this pull read: not the source's fault.
                LogPullYielded(sourceId);
            }
            catch (RecallNoticeFormatException e)
            {
                error = $"The source produced notices the hub refuses, nothing of that page was stored: {e.Message}";
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not KeyNotFoundException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }

            var result = new SourcePullReport(sourceId, started, time.GetUtcNow(), pages, notices, changed, blocks, checkpoint, error);
            _last[sourceId] = result;
            if (error is null)
            {
                catalog.MarkRecovered(sourceId);
                LogPulled(sourceId, pages, notices, changed, blocks);
            }
            else
            {
                catalog.MarkFailed(sourceId, $"Last pull at {started:yyyy-MM-dd HH:mm} UTC failed: {error}");
                LogPullFailed(sourceId, error);
            }

            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceId}: page {Page}, {Notices} notices, {Blocks} packs blocked, checkpoint {Checkpoint}.")]
    private partial void LogPage(string sourceId, int page, int notices, int blocks, string? checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceId}: pull done, {Pages} fetches, {Notices} notices, {Changed} new or revised, {Blocks} packs blocked.")]
    private partial void LogPulled(string sourceId, int pages, int notices, int changed, int blocks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceId}: another host pulled it meanwhile; this pull stopped without storing its last page.")]
    private partial void LogPullYielded(string sourceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {SourceId}: pull failed: {Error}")]
    private partial void LogPullFailed(string sourceId, string error);
}
