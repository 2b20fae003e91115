using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.State;

/// <summary>
/// A list kept in the plugin's state store, split in pages because one value holds at most 64 KiB, and replaced as a
/// whole: the pages of a new generation are written first, then the head that names them, so a crash halfway leaves
/// the previous list readable.
/// </summary>
/// <typeparam name="T">An item.</typeparam>
/// <param name="state">The plugin's state.</param>
/// <param name="name">The head's key; pages are <c>{name}:{generation}:{page}</c>.</param>
/// <param name="itemType">How an item is written.</param>
internal sealed class PagedStateList<T>(IPluginStateStore state, string name, JsonTypeInfo<T> itemType)
{
    /// <summary>How many ids of applied events the head keeps, to recognise a redelivered event.</summary>
    public const int RecentEventIdsKept = 1000;

    // Well under the store's 64 KiB per value, counted in UTF-8 bytes.
    private const int PageBudgetBytes = 48 * 1024;

    private long _generation;

    /// <summary>Reads the list and the ids of the events it already reflects.</summary>
    /// <exception cref="InvalidDataException">A page the head names is missing or damaged.</exception>
    public async ValueTask<(List<T> Items, List<string> RecentEventIds)> LoadAsync(CancellationToken cancellationToken)
    {
        string? headJson = await state.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (headJson is null)
        {
            return ([], []);
        }

        var head = JsonSerializer.Deserialize(headJson, LgoJsonContext.Default.PagedStateHead)
            ?? throw new InvalidDataException($"The state '{name}' holds no head.");
        _generation = head.Generation;
        var items = new List<T>();
        for (int page = 0; page < head.Pages; page++)
        {
            string key = PageKey(head.Generation, page);
            string json = await state.GetAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"The state '{key}' named by '{name}' is missing.");
            using var document = JsonDocument.Parse(json);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                items.Add(element.Deserialize(itemType) ?? throw new InvalidDataException($"The state '{key}' holds a null item."));
            }
        }

        return (items, [.. head.RecentEventIds]);
    }

    /// <summary>Replaces the list; durable when the task completes.</summary>
    /// <param name="items">The whole list.</param>
    /// <param name="recentEventIds">The ids of the events it reflects, oldest first; only the last ones are kept.</param>
    /// <param name="cancellationToken">Stops waiting; the previous list stays if the head was not written.</param>
    public async ValueTask SaveAsync(IReadOnlyList<T> items, IReadOnlyList<string> recentEventIds, CancellationToken cancellationToken)
    {
        long generation = _generation + 1;
        var pages = Paginate(items);
        for (int page = 0; page < pages.Count; page++)
        {
            await state.SetAsync(PageKey(generation, page), pages[page], cancellationToken).ConfigureAwait(false);
        }

        var head = new PagedStateHead(generation, pages.Count, [.. recentEventIds.TakeLast(RecentEventIdsKept)]);
        await state.SetAsync(name, JsonSerializer.Serialize(head, LgoJsonContext.Default.PagedStateHead), cancellationToken).ConfigureAwait(false);

        // The previous generation is unreachable now; removing it only saves space, so a failure here is harmless.
        long previous = _generation;
        _generation = generation;
        for (int page = 0; ; page++)
        {
            string key = PageKey(previous, page);
            if (await state.GetAsync(key, CancellationToken.None).ConfigureAwait(false) is null)
            {
                break;
            }

            await state.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private List<string> Paginate(IReadOnlyList<T> items)
    {
        var pages = new List<string>();
        var page = new StringBuilder();
        int bytes = 0;
        foreach (var item in items)
        {
            string json = JsonSerializer.Serialize(item, itemType);
            int size = Encoding.UTF8.GetByteCount(json) + 1;
            if (bytes > 0 && bytes + size > PageBudgetBytes)
            {
                pages.Add(page.Append(']').ToString());
                page.Clear();
                bytes = 0;
            }

            page.Append(bytes == 0 ? '[' : ',').Append(json);
            bytes += size;
        }

        if (bytes > 0)
        {
            pages.Add(page.Append(']').ToString());
        }

        return pages;
    }

    private string PageKey(long generation, int page) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}:{generation}:{page}");
}
