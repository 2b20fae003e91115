using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Tests.Web.Security;

public sealed class ApiKeyAuthenticationTests : IAsyncLifetime
{
    private const string CounterKey = "counter-key-0123456789abcdef";
    private const string AdminKey = "admin-key-0123456789abcdefgh";

    private WebApplication? _app;
    private HttpClient? _http;

    public async ValueTask InitializeAsync()
    {
        _app = HubWebApplication.Build("http://127.0.0.1:0", Some.Clock(), configuration: new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "lgo-counter-1",
            ["Hub:ApiKeys:0:Key"] = CounterKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "check",
            ["Hub:ApiKeys:1:Name"] = "pharmacist",
            ["Hub:ApiKeys:1:KeySha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AdminKey))),
            ["Hub:ApiKeys:1:Scopes:0"] = "admin",
        });

        // Endpoints of each scope, answering who called: the real API endpoints use the same policies.
        foreach (var scope in ApiScope.All)
        {
            _app.MapGet($"/probe/{scope}", (HttpContext context) => context.User.Identity!.Name!).RequireAuthorization(scope);
        }

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
    }

    private async Task<HttpResponseMessage> Get(string path, string? key, bool authorizationHeader = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (key is not null && authorizationHeader)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "ApiKey " + key);
        }
        else if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _http!.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NoKey_IsUnauthorizedWithAProblemSayingWhatToSend()
    {
        using var response = await Get("/probe/check", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKey_IsUnauthorized()
    {
        using var response = await Get("/probe/check", "not-a-key-0123456789abcdefgh");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task KeyInScope_IsLetThroughUnderItsName()
    {
        using var response = await Get("/probe/check", CounterKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("lgo-counter-1", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var viaAuthorization = await Get("/probe/check", CounterKey, authorizationHeader: true);
        Assert.Equal(HttpStatusCode.OK, viaAuthorization.StatusCode);
    }

    [Fact]
    public async Task KeyOutOfScope_IsForbiddenAndToldWhy()
    {
        using var response = await Get("/probe/scan", CounterKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Contains("'lgo-counter-1' may not do this", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/probe/scan")]
    [InlineData("/probe/check")]
    [InlineData("/probe/admin")]
    public async Task AdminKey_ConfiguredByItsHash_MayDoEverything(string path)
    {
        using var response = await Get(path, AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_NeedsNoKey()
    {
        using var response = await Get("/health", key: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        using var response = await Get("/openapi/v1.json", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(document.GetProperty("paths").TryGetProperty("/health", out _));
    }
}
