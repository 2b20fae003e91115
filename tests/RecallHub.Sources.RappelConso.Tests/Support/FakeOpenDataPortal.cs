using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RecallHub.Plugins.Testing;

namespace RecallHub.Sources.RappelConso.Tests.Support;

/// <summary>
/// The Opendatasoft Explore API v2.1 for one dataset, played on the kit's <see cref="RecordedHttpServer"/> (Kestrel on
/// 127.0.0.1): <c>records</c> with the <c>date_publication &gt;= date'…'</c> filter, ordering, <c>limit</c> ≤ 100 and
/// the 10 000 offset cap, and <c>exports/json</c>. Records are served byte for byte as given.
/// </summary>
public sealed partial class FakeOpenDataPortal : IAsyncDisposable
{
    public const string Dataset = "rappelconso-v2-gtin-espaces";

    private readonly RecordedHttpServer _server;
    private readonly List<(string Raw, DateTimeOffset? Published, long Id)> _records = [];
    private readonly Lock _lock = new();

    private FakeOpenDataPortal(RecordedHttpServer server)
    {
        _server = server;
    }

    public Uri BaseUrl => _server.BaseAddress;

    /// <summary>Every request's path and query, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _server.Requests.Select(r => r.PathAndQuery)];

    public static async Task<FakeOpenDataPortal> StartAsync()
    {
        var portal = new FakeOpenDataPortal(await RecordedHttpServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken));
        string root = $"/api/explore/v2.1/catalog/datasets/{Dataset}";
        portal._server.Route(root + "/records", portal.Records);
        portal._server.Route(root + "/exports/json", portal.Export);
        return portal;
    }
    /// <summary>Adds records (raw JSON objects) to the dataset.</summary>
    public void Publish(IEnumerable<string> records)
    {
        lock (_lock)
        {
            foreach (string raw in records)
            {
                using var document = JsonDocument.Parse(raw);
                var record = document.RootElement;
                if (record.ValueKind != JsonValueKind.Object)
                {
                    _records.Add((raw, null, 0));
                    continue;
                }

                DateTimeOffset? published = record.TryGetProperty("date_publication", out var date) && date.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                long id = record.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number ? idValue.GetInt64()
                    : record.TryGetProperty("id", out idValue) && long.TryParse(idValue.GetString(), CultureInfo.InvariantCulture, out long parsed) ? parsed : 0;
                _records.Add((raw, published, id));
            }
        }
    }

    /// <summary>The next requests answer these statuses, one each, before the portal answers normally again.</summary>
    public void FailNext(params int[] statuses) => _server.FailNext(statuses);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private RecordedResponse Records(RecordedRequest request)
    {
        int limit = int.Parse(request.QueryValue("limit") ?? "10", CultureInfo.InvariantCulture);
        int offset = int.Parse(request.QueryValue("offset") ?? "0", CultureInfo.InvariantCulture);
        if (limit > 100 || offset + limit > 10_000)
        {
            string error = JsonSerializer.Serialize(new { error_code = "InvalidRESTParameterError", message = $"Invalid value for limit/offset: offset + limit must be at most 10000 and limit at most 100 (got offset {offset}, limit {limit})." });
            return new RecordedResponse(400, error, "application/json; charset=utf-8");
        }

        var selected = Select(request);
        string page = string.Join(",", selected.Skip(offset).Take(limit));
        return RecordedResponse.Json($$"""{"total_count": {{selected.Count}}, "results": [{{page}}]}""");
    }

    private RecordedResponse Export(RecordedRequest request) => RecordedResponse.Json("[" + string.Join(",", Select(request)) + "]");

    private List<string> Select(RecordedRequest request)
    {
        string? where = request.QueryValue("where");
        DateTimeOffset? since = null;
        if (where is not null)
        {
            var match = PublishedSince().Match(where);
            if (!match.Success)
            {
                throw new InvalidOperationException($"The fake portal does not understand where={where}.");
            }

            since = DateTimeOffset.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        Assert.Equal("date_publication,id", request.QueryValue("order_by"));
        lock (_lock)
        {
            return [.. _records
                .Where(r => since is null || (r.Published is { } p && p >= since))
                .OrderBy(r => r.Published ?? DateTimeOffset.MinValue)
                .ThenBy(r => r.Id)
                .Select(r => r.Raw)];
        }
    }

    [GeneratedRegex(@"^date_publication >= date'([^']+)'$")]
    private static partial Regex PublishedSince();
}
