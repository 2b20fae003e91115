using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.Recalls;

/// <summary>
/// The titles and alert numbers of the recalls this sink heard of. Stock events carry only the recall's id, while
/// the LGO wants to show which recall blocks a pack; the recall events that come first carry the notice, so their
/// headline is kept in the plugin's state for the blocks that come later (a scan months after the recall).
/// </summary>
internal sealed class RecallHeadlines(IPluginStateStore state)
{
    private readonly Dictionary<long, RecallHeadline?> _known = [];

    /// <summary>Keeps the headline of a recall event's notice.</summary>
    public async ValueTask RememberAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        if (hubEvent is not { RecallId: { } id, Notice: { } notice })
        {
            return;
        }

        var headline = new RecallHeadline(notice.Title, notice.AlertNumber);
        if (_known.TryGetValue(id, out var known) && known == headline)
        {
            return;
        }

        await state.SetAsync(Key(id), JsonSerializer.Serialize(headline, LgoJsonContext.Default.RecallHeadline), cancellationToken).ConfigureAwait(false);
        _known[id] = headline;
    }

    /// <summary>The headline of the event's recall: from its notice, else as remembered, else <see langword="null"/>.</summary>
    public async ValueTask<RecallHeadline?> FindAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        if (hubEvent.Notice is { } notice)
        {
            return new RecallHeadline(notice.Title, notice.AlertNumber);
        }

        if (hubEvent.RecallId is not { } id)
        {
            return null;
        }

        if (!_known.TryGetValue(id, out var headline))
        {
            string? json = await state.GetAsync(Key(id), cancellationToken).ConfigureAwait(false);
            headline = json is null ? null : JsonSerializer.Deserialize(json, LgoJsonContext.Default.RecallHeadline);
            _known[id] = headline;
        }

        return headline;
    }

    private static string Key(long recallId) => "recall:" + recallId.ToString(CultureInfo.InvariantCulture);
}
