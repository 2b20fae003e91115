using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecallHub.Host.Tests.Support;

/// <summary>
/// A stand-in for a recall source's site (ansm.sante.fr, data.economie.gouv.fr): a real Kestrel server on 127.0.0.1
/// serving recorded payloads by path, and keeping every request's path and query. Anything not served is a 404.
/// </summary>
internal sealed class SourceSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Content, string ContentType)> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Content, string ContentType)> _anyQuery = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private SourceSite(WebApplication app)
    {
        _app = app;
    }

    public Uri Root { get; private set; } = null!;

    /// <summary>Every request's path and query, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<SourceSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new SourceSite(app);
        app.Run(site.AnswerAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        site.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return site;
    }

    /// <summary>Serves <paramref name="content"/> at exactly <paramref name="pathAndQuery"/>.</summary>
    public void Serve(string pathAndQuery, string content, string contentType = "text/html; charset=utf-8") =>
        _pages[pathAndQuery] = (content, contentType);

    /// <summary>
    /// Serves <paramref name="content"/> at <paramref name="path"/> whatever the query: the tests do not pin how a
    /// client encodes its <c>order_by</c> or <c>where</c>.
    /// </summary>
    public void ServeAnyQuery(string path, string content, string contentType = "application/json; charset=utf-8") =>
        _anyQuery[path] = (content, contentType);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext http)
    {
        string path = http.Request.Path;
        string pathAndQuery = path + http.Request.QueryString;
        _requests.Enqueue(pathAndQuery);
        if (!_pages.TryGetValue(pathAndQuery, out var page) && !_anyQuery.TryGetValue(path, out page))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = page.ContentType;
        await http.Response.WriteAsync(page.Content);
    }
}
