using System.Globalization;
using System.Net.Http.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing.Tests.Support;

/// <summary>
/// A small source for the kit's own tests: GET {url}?after=N answers up to two items after item N, its checkpoint is
/// the last item's number. Settings can make it misbehave the ways the kit must catch.
/// </summary>
public sealed class PagedFeedSource : IRecallSource
{
    private ISourceContext? _context;
    private HttpClient? _http;
    private Uri? _url;
    private bool _ignoreCheckpoint;
    private bool _clockedIds;

    public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _url = context.Settings.GetUri("url");
        _ignoreCheckpoint = context.Settings.GetBoolean("ignore_checkpoint", false);
        _clockedIds = context.Settings.GetBoolean("clocked_ids", false);
        _http = context.CreateHttpClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        int after = checkpoint is null || _ignoreCheckpoint ? 0 : int.Parse(checkpoint, CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(2), _context!.Time, cancellationToken);
        var page = await _http!.GetFromJsonAsync<FeedPage>(new Uri(_url!, $"?after={after}"), cancellationToken);
        var notices = page!.Items.Select(ToNotice).ToList();
        return new SourceFetchResult(notices, page.Items.Count == 0 ? checkpoint : page.Items[^1].Number.ToString(CultureInfo.InvariantCulture), page.More);
    }

    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload) =>
        [.. System.Text.Json.JsonSerializer.Deserialize<FeedPage>(payload.Content)!.Items.Select(ToNotice)];

    public ValueTask DisposeAsync()
    {
        _http?.Dispose();
        return ValueTask.CompletedTask;
    }

    private RecallNotice ToNotice(FeedItem item) => new()
    {
        Source = "paged-feed",
        SourceId = _clockedIds ? $"{item.Number}-{_context!.Time.GetUtcNow().Ticks}" : item.Number.ToString(CultureInfo.InvariantCulture),
        PublishedAt = Some.Now.AddDays(item.Number),
        Title = item.Title,
        Products = item.Cip13 is null ? [] : [new RecalledProduct(CodeScheme.Cip13, item.Cip13, null, LotSelector.All)],
        IsLowConfidence = item.Cip13 is null,
    };
}
