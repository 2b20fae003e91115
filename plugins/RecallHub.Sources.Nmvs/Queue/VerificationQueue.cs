using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Nmvs.Queue;

/// <summary>
/// The packs waiting for the national system, kept in the plugin's durable state so that neither a network failure nor
/// a restart loses one: chunks of packs under <c>queue/N</c>, and the bookkeeping (head, tail, failed attempts, next
/// attempt) under <c>queue</c>. A pack is written here before the system is asked, and removed once its answer — and
/// the notice an alert leads to — is committed.
/// </summary>
/// <param name="state">The plugin's state store.</param>
internal sealed class VerificationQueue(IPluginStateStore state) : IDisposable
{
    /// <summary>Packs per chunk: a chunk stays well under the state store's 64 KiB a value.</summary>
    public const int ChunkSize = 200;

    /// <summary>The first pause after a failure; doubled at each failure in a row.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between two attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(15);

    private const string StateKey = "queue";

    // Mutations of the bookkeeping are read-modify-write: verifications at the counter and the scheduled retry overlap.
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The queued packs, in memory: the counter asks about a pack at every check and must get its answer without I/O.
    // A pack may be queued twice (verified at reception, then dispensed), hence a count.
    private readonly ConcurrentDictionary<string, int> _queued = new(StringComparer.Ordinal);

    /// <summary>Whether a pack is waiting in the queue (never asked, or asked while the national system was unreachable).</summary>
    public bool Contains(string gtin, string serial) => _queued.ContainsKey(PackKey(gtin, serial));

    /// <summary>Loads the in-memory view of the queue from the plugin's state, at start.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _queued.Clear();
        foreach (var (_, packs) in await ReadChunksAsync(cancellationToken).ConfigureAwait(false))
        {
            Count(packs, +1);
        }
    }

    /// <summary>The pause after <paramref name="attempts"/> failures in a row.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        attempts <= 1 ? FirstRetryDelay : TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempts - 1, 20)));

    /// <summary>The bookkeeping as stored.</summary>
    public async Task<QueueState> ReadStateAsync(CancellationToken cancellationToken)
    {
        string? json = await state.GetAsync(StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? QueueState.Empty : JsonSerializer.Deserialize(json, QueueJsonContext.Default.QueueState) ?? QueueState.Empty;
    }

    /// <summary>Writes packs durably; returns the numbers of the chunks written.</summary>
    public async Task<IReadOnlyList<long>> AddAsync(IReadOnlyList<QueuedPack> packs, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            long tail = current.Tail;
            foreach (var chunk in packs.Chunk(ChunkSize))
            {
                await WriteChunkAsync(tail, [.. chunk], cancellationToken).ConfigureAwait(false);
                Count(chunk, +1);
                ids.Add(tail++);
            }

            // The tail moves after the chunks are written: a crash in between leaves no chunk pointing nowhere.
            await WriteStateAsync(current with { Tail = tail }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return ids;
    }

    /// <summary>The chunks still holding packs, oldest first.</summary>
    public async Task<IReadOnlyList<(long Id, IReadOnlyList<QueuedPack> Packs)>> ReadChunksAsync(CancellationToken cancellationToken)
    {
        var chunks = new List<(long, IReadOnlyList<QueuedPack>)>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            long head = current.Head;
            for (long id = current.Head; id < current.Tail; id++)
            {
                if (await ReadChunkAsync(id, cancellationToken).ConfigureAwait(false) is { Count: > 0 } packs)
                {
                    chunks.Add((id, packs));
                }
                else if (head == id)
                {
                    head++;
                }
            }

            if (head != current.Head)
            {
                await WriteStateAsync(current with { Head = head }, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        return chunks;
    }

    /// <summary>How many packs wait.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        (await ReadChunksAsync(cancellationToken).ConfigureAwait(false)).Sum(c => c.Packs.Count);

    /// <summary>Keeps only <paramref name="remaining"/> of a chunk; removes it when none remain.</summary>
    public async Task KeepAsync(long id, IReadOnlyList<QueuedPack> remaining, CancellationToken cancellationToken)
    {
        var before = await ReadChunkAsync(id, cancellationToken).ConfigureAwait(false) ?? [];
        var kept = remaining.Select(p => p.ScanId).ToHashSet();
        Count([.. before.Where(p => !kept.Contains(p.ScanId))], -1);
        if (remaining.Count == 0)
        {
            await state.RemoveAsync(ChunkKey(id), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteChunkAsync(id, remaining, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a failed attempt and when to try again.</summary>
    public Task FailedAsync(DateTimeOffset now, string error, CancellationToken cancellationToken) =>
        UpdateAsync(s => s with { Attempts = s.Attempts + 1, NextAttemptAt = now + RetryDelay(s.Attempts + 1), LastError = error }, cancellationToken);

    /// <summary>Records that the system answered: the next attempt may come at once.</summary>
    public Task SucceededAsync(CancellationToken cancellationToken) =>
        UpdateAsync(s => s.Attempts == 0 && s.NextAttemptAt is null ? s : s with { Attempts = 0, NextAttemptAt = null, LastError = null }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task UpdateAsync(Func<QueueState, QueueState> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            var next = change(current);
            if (next != current)
            {
                await WriteStateAsync(next, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<QueuedPack>?> ReadChunkAsync(long id, CancellationToken cancellationToken)
    {
        string? json = await state.GetAsync(ChunkKey(id), cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize(json, QueueJsonContext.Default.ListQueuedPack);
    }

    private ValueTask WriteChunkAsync(long id, IReadOnlyList<QueuedPack> packs, CancellationToken cancellationToken) =>
        state.SetAsync(ChunkKey(id), JsonSerializer.Serialize([.. packs], QueueJsonContext.Default.ListQueuedPack), cancellationToken);

    private ValueTask WriteStateAsync(QueueState value, CancellationToken cancellationToken) =>
        state.SetAsync(StateKey, JsonSerializer.Serialize(value, QueueJsonContext.Default.QueueState), cancellationToken);

    private void Count(IEnumerable<QueuedPack> packs, int change)
    {
        foreach (var pack in packs)
        {
            string key = PackKey(pack.Gtin, pack.Serial);
            int count = _queued.AddOrUpdate(key, Math.Max(change, 0), (_, n) => n + change);
            if (count <= 0)
            {
                _queued.TryRemove(key, out _);
            }
        }
    }

    private static string PackKey(string gtin, string serial) => gtin + "\u001f" + serial;

    private static string ChunkKey(long id) => string.Create(CultureInfo.InvariantCulture, $"{StateKey}/{id}");
}
