using System.Net;
using System.Text.RegularExpressions;

namespace RecallHub.Dashboard.Tests.Support;

/// <summary>A browser-like HTTP client: keeps cookies, does not follow redirects, and posts forms with their antiforgery token.</summary>
internal sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public DashboardClient(DashboardHub hub)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = hub.BaseAddress };
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<DashboardClient> SignedInAsync(DashboardHub hub, string name)
    {
        var client = new DashboardClient(hub);
        var response = await client.SignInAsync(name, Some.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        return client;
    }

    public async Task<Page> SignInAsync(string name, string password) =>
        await PostFormAsync("/login", "/login", new() { ["nom"] = name, ["mot_de_passe"] = password });

    public async Task<Page> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), Token);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(Token), response.Headers.Location?.OriginalString);
    }

    /// <summary>Opens <paramref name="formPage"/> for its token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<Page> PostFormAsync(string formPage, string action, Dictionary<string, string> fields, bool withToken = true)
    {
        if (withToken)
        {
            var page = await GetAsync(formPage);
            fields["__jeton"] = TokenField().Match(page.Html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No form token on {formPage}: {page.Status}");
        }

        using var response = await _http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields), Token);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(Token), response.Headers.Location?.OriginalString);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__jeton\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public sealed record Page(HttpStatusCode Status, string Html, string? Location);
}
