using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RecallHub.Sources.RappelConso.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing the Opendatasoft Explore API v2.1 for one dataset: <c>records</c> with
/// the <c>date_publication &gt;= date'…'</c> filter, ordering, <c>limit</c> ≤ 100 and the 10 000 offset cap, and
/// <c>exports/json</c>. Records are served byte for byte as given.
/// </summary>
public sealed partial class FakeOpenDataPortal : IAsyncDisposable
{
    public const string Dataset = "rappelconso-v2-gtin-espaces";

    private readonly WebApplication _app;
    private readonly List<(string Raw, DateTimeOffset? Published, long Id)> _records = [];
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Lock _lock = new();

    private FakeOpenDataPortal(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl => new(_app.Urls.First());

    /// <summary>Every request's path and query, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FakeOpenDataPortal> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var portal = new FakeOpenDataPortal(app);
        string root = $"/api/explore/v2.1/catalog/datasets/{Dataset}";
        app.MapGet(root + "/records", portal.Records);
        app.MapGet(root + "/exports/json", portal.Export);
        await app.StartAsync(TestContext.Current.CancellationToken);
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
    public void FailNext(params int[] statuses)
    {
        foreach (int status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Records(HttpContext http)
    {
        if (Intercept(http) is { } failure)
        {
            return failure;
        }

        int limit = int.Parse(http.Request.Query["limit"].FirstOrDefault() ?? "10", CultureInfo.InvariantCulture);
        int offset = int.Parse(http.Request.Query["offset"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        if (limit > 100 || offset + limit > 10_000)
        {
            return Results.Json(new { error_code = "InvalidRESTParameterError", message = $"Invalid value for limit/offset: offset + limit must be at most 10000 and limit at most 100 (got offset {offset}, limit {limit})." }, statusCode: 400);
        }

        var selected = Select(http);
        string page = string.Join(",", selected.Skip(offset).Take(limit));
        return Results.Text($$"""{"total_count": {{selected.Count}}, "results": [{{page}}]}""", "application/json; charset=utf-8", Encoding.UTF8);
    }

    private IResult Export(HttpContext http) =>
        Intercept(http) ?? Results.Text("[" + string.Join(",", Select(http)) + "]", "application/json; charset=utf-8", Encoding.UTF8);

    private IResult? Intercept(HttpContext http)
    {
        _requests.Enqueue(http.Request.Path + http.Request.QueryString);
        return _failures.TryDequeue(out int status)
            ? Results.Text($"<html><body>{status} upstream trouble</body></html>", "text/html", statusCode: status)
            : null;
    }

    private List<string> Select(HttpContext http)
    {
        string? where = http.Request.Query["where"].FirstOrDefault();
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

        Assert.Equal("date_publication,id", http.Request.Query["order_by"].FirstOrDefault());
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
