using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Web.Api;

public sealed class CheckEndpointTests : IAsyncLifetime
{
    private const string CheckKey = "counter-key-0123456789abcdef";
    private const string ScanKey = "scanner-key-0123456789abcdef";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));
    private SqliteRecallHubStore? _store;
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient? _http;

    public async ValueTask InitializeAsync()
    {
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folder, "hub.db"), Some.Clock(), cancellationToken: TestContext.Current.CancellationToken);
        await using (var session = await _store.OpenSessionAsync(TestContext.Current.CancellationToken))
        {
            await session.Recalls.UpsertAsync(
                new RecallNotice
                {
                    Source = "ansm",
                    SourceId = "amlodipine",
                    Title = "Amlodipine Biogaran 5 mg",
                    AlertNumber = "MED26/A019/B018",
                    PublishedAt = Some.Today,
                    Actions = ["Retourner au laboratoire"],
                    Products = [new RecalledProduct(CodeScheme.Cip13, "3400930270387", null, new LotSelector { Lots = [new LotEntry("A53014")] })],
                },
                Some.Today,
                TestContext.Current.CancellationToken);
        }

        _app = HubWebApplication.Build("http://127.0.0.1:0", Some.Clock(), store: _store, configuration: new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "lgo-counter-1",
            ["Hub:ApiKeys:0:Key"] = CheckKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "check",
            ["Hub:ApiKeys:1:Name"] = "reception",
            ["Hub:ApiKeys:1:Key"] = ScanKey,
            ["Hub:ApiKeys:1:Scopes:0"] = "scan",
        });
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(TestContext.Current.CancellationToken);
            await _app.DisposeAsync();
        }

        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(object body, string? key = CheckKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/check", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await _http!.SendAsync(request, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task RecalledPack_IsBlockedWithTheRecallAMessageAndTheAction()
    {
        var (status, body) = await Post(new { code = "]d2010340093027038717280229" + "10A53014\u001d217GH29KXW41Q" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("block", body.GetProperty("verdict").GetString());
        Assert.False(body.GetProperty("needs_manual_check").GetBoolean());
        Assert.StartsWith("Ne pas délivrer", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var recall = body.GetProperty("recalls")[0];
        Assert.Equal("MED26/A019/B018", recall.GetProperty("alert_number").GetString());
        Assert.Equal("concerned", recall.GetProperty("outcome").GetString());
        Assert.Equal("Retourner au laboratoire", recall.GetProperty("actions")[0].GetString());
        Assert.Equal("A53014", body.GetProperty("pack").GetProperty("lot").GetString());
    }

    [Fact]
    public async Task OtherPack_IsAllowed_AndAnUnknownProductIsNotAnError()
    {
        var (status, body) = await Post(new { code = "3400937944892" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("allow", body.GetProperty("verdict").GetString());
        Assert.Equal(0, body.GetProperty("recalls").GetArrayLength());
    }

    [Fact]
    public async Task GsSubstitute_IsHonoured()
    {
        var (_, body) = await Post(new { code = "010340093027038717280229" + "10A53014~217GH29KXW41Q", gs_substitute = "~" });
        Assert.Equal("7GH29KXW41Q", body.GetProperty("pack").GetProperty("serial").GetString());
    }

    [Theory]
    [InlineData("21SERIALONLY", "No product in the code")]
    [InlineData("", "No code")]
    public async Task CodeWithoutProduct_IsABadRequestSayingWhy(string code, string title)
    {
        var (status, body) = await Post(new { code });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(title, body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task WithoutKey_IsUnauthorized_AndAScanOnlyKeyIsForbidden()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(new { code = "3400937944892" }, key: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(new { code = "3400937944892" }, key: ScanKey)).Status);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCheckEndpoint()
    {
        string document = await _http!.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(JsonDocument.Parse(document).RootElement.GetProperty("paths").TryGetProperty("/api/v1/check", out _));
    }
}
