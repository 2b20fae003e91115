using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Lgo.Recalls;
using RecallHub.Sinks.Lgo.State;

namespace RecallHub.Sinks.Lgo.FileDrop;

/// <summary>
/// The packs blocked now, kept from <c>stock_blocked</c> and <c>stock_unblocked</c> events in the plugin's state, so
/// that a restart keeps them. Applying an event twice does nothing: blocks are keyed by their id and the ids of the
/// last events applied are kept with the set.
/// </summary>
internal sealed class BlockedCodeSet(IPluginStateStore state)
{
    // A message is for the counter; a runaway one must not fill the state's pages.
    private const int MaxMessageLength = 1000;

    private readonly PagedStateList<BlockedCode> _list = new(state, "file-drop:blocked", LgoJsonContext.Default.BlockedCode);
    private readonly Dictionary<long, BlockedCode> _codes = [];
    private readonly List<string> _recentEventIds = [];
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);

    /// <summary>The blocked packs, oldest block first.</summary>
    public IReadOnlyList<BlockedCode> Codes => [.. _codes.Values.OrderBy(c => c.Since).ThenBy(c => c.BlockId)];

    /// <summary>Reads the set from the state, dropping whatever was applied since the last save.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        var (items, recent) = await _list.LoadAsync(cancellationToken).ConfigureAwait(false);
        _codes.Clear();
        foreach (var code in items)
        {
            _codes[code.BlockId] = code;
        }

        _recentEventIds.Clear();
        _recentEventIds.AddRange(recent);
        _applied.Clear();
        _applied.UnionWith(recent);
    }

    /// <summary>Applies the stock events of a batch, in order.</summary>
    /// <returns><see langword="true"/> when an event was applied (the set must be saved and the files written).</returns>
    public async ValueTask<bool> ApplyAsync(IReadOnlyList<HubEvent> events, RecallHeadlines headlines, CancellationToken cancellationToken)
    {
        bool applied = false;
        foreach (var hubEvent in events)
        {
            if (hubEvent is not { Type: HubEventType.StockBlocked or HubEventType.StockUnblocked, Pack: { } pack } || !_applied.Add(hubEvent.Id))
            {
                continue;
            }

            _recentEventIds.Add(hubEvent.Id);
            applied = true;
            if (hubEvent.Type == HubEventType.StockUnblocked)
            {
                _codes.Remove(pack.BlockId);
                continue;
            }

            var headline = await headlines.FindAsync(hubEvent, cancellationToken).ConfigureAwait(false);
            _codes[pack.BlockId] = new BlockedCode(
                pack.BlockId,
                pack.Gtin,
                pack.Cip13,
                pack.Lot,
                pack.Serial,
                pack.Expiry,
                hubEvent.RecallId,
                headline?.AlertNumber,
                headline?.Title,
                pack.Since,
                hubEvent.Message is { Length: > MaxMessageLength } text ? text[..MaxMessageLength] : hubEvent.Message,
                pack.Workstation,
                hubEvent.Id);
        }

        return applied;
    }

    /// <summary>Saves the set and the ids of the events it reflects.</summary>
    public async ValueTask SaveAsync(CancellationToken cancellationToken)
    {
        await _list.SaveAsync([.. _codes.Values], _recentEventIds, cancellationToken).ConfigureAwait(false);
        int excess = _recentEventIds.Count - PagedStateList<BlockedCode>.RecentEventIdsKept;
        if (excess > 0)
        {
            _recentEventIds.RemoveRange(0, excess);
            _applied.Clear();
            _applied.UnionWith(_recentEventIds);
        }
    }
}
