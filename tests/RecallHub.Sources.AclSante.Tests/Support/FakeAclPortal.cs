using System.Globalization;
using System.Text.Json;
using RecallHub.Plugins.Testing;

namespace RecallHub.Sources.AclSante.Tests.Support;

/// <summary>
/// The ACL Santé notices endpoint in format acl-sante-fsn/1, as a route of the kit's <see cref="RecordedHttpServer"/>
/// on 127.0.0.1: <c>GET /api/v1/notices?updated_since=…&amp;limit=…&amp;cursor=…</c>, records oldest first by
/// <c>updated_at</c>, the next page's cursor in <c>next_cursor</c>, and a token checked on every request. Records are
/// served byte for byte. The paging and the token are the portal's own; the server, the request log and the scripted
/// failures are the kit's.
/// </summary>
public sealed class FakeAclPortal : IAsyncDisposable
{
    private const string NoticesPath = "/api/v1/notices";

    private readonly RecordedHttpServer _server;
    private readonly List<(string Raw, DateTimeOffset? Updated, string Reference)> _records = [];
    private readonly Lock _lock = new();

    private FakeAclPortal(RecordedHttpServer server)
    {
        _server = server;
        server.Route(NoticesPath, Notices);
    }

    /// <summary>The API root to give the plugin as <c>base_url</c>.</summary>
    public Uri BaseUrl => _server.Url("/api/v1/");

    /// <summary>The header the portal reads the token from.</summary>
    public string TokenHeader { get; set; } = "Authorization";

    /// <summary>The header value the portal accepts.</summary>
    public string Credential { get; set; } = "Bearer " + Some.Token;

    /// <summary>Every request, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<FakeAclPortal> StartAsync() =>
        new(await RecordedHttpServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken));

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
    public void FailNext(params int[] statuses) => _server.FailNext(statuses);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private RecordedResponse Notices(RecordedRequest request)
    {
        if (request.Header(TokenHeader) != Credential)
        {
            return new RecordedResponse(401, """{"error":"invalid_token","message":"The access token is missing, expired or revoked."}""", "application/json; charset=utf-8");
        }

        DateTimeOffset? since = request.QueryValue("updated_since") is { } s
            ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        int limit = int.Parse(request.QueryValue("limit") ?? "100", CultureInfo.InvariantCulture);
        int offset = int.Parse(request.QueryValue("cursor") ?? "0", CultureInfo.InvariantCulture);
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
        return RecordedResponse.Json($$"""{"format": "acl-sante-fsn/1", "notices": [{{page}}], "next_cursor": {{next}}}""");
    }
}
