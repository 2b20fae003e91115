using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Example;

/// <summary>
/// Pulls recall notices from a JSON feed: <c>{ "recalls": [ { "id", "version", "published", "title", "reason",
/// "alert_number", "url", "products": [ { "code", "label", "lots" } ] } ] }</c>. The checkpoint is the publication
/// date-time of the newest recall already returned.
/// </summary>
/// <remarks>
/// Settings: <c>url</c> (required), <c>token</c> (a secret, <c>"env:VARIABLE"</c>, sent as a bearer token).
/// A failed request throws: the hub marks the source failed and pulls again at the next scheduled time.
/// </remarks>
public sealed class FeedSource : IRecallSource
{
    /// <summary>The plugin's id, as in plugin.json.</summary>
    public const string Id = "example-feed";

    private HttpClient? _http;
    private Uri? _url;

    /// <inheritdoc />
    public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _url = context.Settings.GetUri("url");
        _http = context.CreateHttpClient();
        if (context.Settings.Contains("token"))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", context.Settings.GetSecret("token"));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var http = _http ?? throw new InvalidOperationException("The source was not started.");
        string content = await http.GetStringAsync(_url, cancellationToken).ConfigureAwait(false);
        var notices = Parse(new SourcePayload(content, "application/json", _url));

        // Only what was published after the checkpoint; the hub stores the new one with the notices.
        DateTimeOffset? after = checkpoint is null ? null : DateTimeOffset.Parse(checkpoint, CultureInfo.InvariantCulture);
        var fresh = notices.Where(n => after is null || n.PublishedAt > after).OrderBy(n => n.PublishedAt).ToList();
        string? next = fresh.Count == 0 ? checkpoint : fresh[^1].PublishedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        return new SourceFetchResult(fresh, next);
    }

    /// <inheritdoc />
    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var document = JsonDocument.Parse(payload.Content);
        return [.. document.RootElement.GetProperty("recalls").EnumerateArray().Select(ToNotice)];
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static RecallNotice ToNotice(JsonElement recall)
    {
        var products = new List<RecalledProduct>();
        bool unsure = false;
        if (recall.TryGetProperty("products", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                string code = Text(item, "code") ?? "";
                var lots = item.TryGetProperty("lots", out var l) ? l.EnumerateArray().Select(x => new LotEntry(x.GetString()!)).ToList() : [];
                var selector = lots.Count == 0 ? LotSelector.All : new LotSelector { Lots = lots };
                // A code that is neither a CIP13 nor a GTIN cannot be matched: keep it for people and flag the notice.
                var scheme = FrenchProductCode.IsCip13(code) ? CodeScheme.Cip13 : Gtin.IsValid(code) ? CodeScheme.Gtin : CodeScheme.Reference;
                unsure |= scheme == CodeScheme.Reference;
                products.Add(new RecalledProduct(scheme, code.Length == 0 ? "?" : code, Text(item, "label"), selector));
            }
        }

        return new RecallNotice
        {
            Source = FeedSource.Id,
            SourceId = Text(recall, "id") ?? throw new JsonException("A recall has no \"id\"."),
            Version = recall.TryGetProperty("version", out var v) && v.TryGetInt32(out int version) ? version : 1,
            Kind = NoticeKind.LotRecall,
            PublishedAt = DateTimeOffset.Parse(Text(recall, "published") ?? throw new JsonException("A recall has no \"published\"."), CultureInfo.InvariantCulture),
            Title = Text(recall, "title") ?? "(sans titre)",
            Reason = Text(recall, "reason"),
            AlertNumber = Text(recall, "alert_number"),
            RecallLevels = RecallLevels.Pharmacies,
            Links = Text(recall, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) ? [new NoticeLink(link)] : [],
            Products = products,
            IsLowConfidence = unsure || products.Count == 0,
            RawPayload = recall.GetRawText(),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
