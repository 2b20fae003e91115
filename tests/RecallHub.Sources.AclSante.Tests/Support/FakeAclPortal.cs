using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RecallHub.Sources.AclSante.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing the ACL Santé notices endpoint in format acl-sante-fsn/1:
/// <c>GET /api/v1/notices?updated_since=…&amp;limit=…&amp;cursor=…</c>, records oldest first by <c>updated_at</c>, the
/// next page's cursor in <c>next_cursor</c>, and a token checked on every request. Records are served byte for byte.
/// </summary>
public sealed class FakeAclPortal : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Raw, DateTimeOffset? Updated, string Reference)> _records = [];
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly ConcurrentQueue<(string PathAndQuery, string? Credential)> _requests = new();
    private readonly Lock _lock = new();

    private FakeAclPortal(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The API root to give the plugin as <c>base_url</c>.</summary>
    public Uri BaseUrl => new(new Uri(_app.Urls.First()), "/api/v1/");

    /// <summary>The header the portal reads the token from.</summary>
    public string TokenHeader { get; set; } = "Authorization";

    /// <summary>The header value the portal accepts.</summary>
    public string Credential { get; set; } = "Bearer " + Some.Token;

    /// <summary>Every request's path and query with the credential it carried, in order.</summary>
    public IReadOnlyList<(string PathAndQuery, string? Credential)> Requests => [.. _requests];

    public static async Task<FakeAclPortal> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var portal = new FakeAclPortal(app);
        app.MapGet("/api/v1/notices", portal.Notices);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return portal;
    }

    /// <summary>Adds records (raw JSON) to the portal.</summary>
    public void Publish(IEnumerable<string> records)
    {
        lock (_lock)
        {
            foreach (string raw in records)
            {
                using var document = JsonDocument.Parse(raw);
                var record = document.RootElement;
                string? Text(string name) => record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                DateTimeOffset? updated = DateTimeOffset.TryParse(Text("updated_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u) ? u : null;
                _records.Add((raw, updated, Text("reference") ?? ""));
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

    private IResult Notices(HttpContext http)
    {
        string? credential = http.Request.Headers[TokenHeader].FirstOrDefault();
        _requests.Enqueue((http.Request.Path + http.Request.QueryString, credential));
        if (credential != Credential)
        {
            return Results.Json(new { error = "invalid_token", message = "The access token is missing, expired or revoked." }, statusCode: 401);
        }

        if (_failures.TryDequeue(out int status))
        {
            return Results.Text($"<html><body>{status} upstream trouble</body></html>", "text/html", statusCode: status);
        }

        var query = http.Request.Query;
        DateTimeOffset? since = query["updated_since"].FirstOrDefault() is { } s
            ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        int limit = int.Parse(query["limit"].FirstOrDefault() ?? "100", CultureInfo.InvariantCulture);
        int offset = int.Parse(query["cursor"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        List<string> selected;
        lock (_lock)
        {
            selected = [.. _records
                .Where(r => since is null || (r.Updated is { } u && u >= since))
                .OrderBy(r => r.Updated ?? DateTimeOffset.MinValue)
                .ThenBy(r => r.Reference, StringComparer.Ordinal)
                .Select(r => r.Raw)];
        }

        string page = string.Join(",", selected.Skip(offset).Take(limit));
        string next = offset + limit < selected.Count ? $"\"{(offset + limit).ToString(CultureInfo.InvariantCulture)}\"" : "null";
        return Results.Text($$"""{"format": "acl-sante-fsn/1", "notices": [{{page}}], "next_cursor": {{next}}}""", "application/json; charset=utf-8", Encoding.UTF8);
    }
}
