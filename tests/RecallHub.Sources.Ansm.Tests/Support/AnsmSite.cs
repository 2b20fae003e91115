using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecallHub.Sources.Ansm.Tests.Support;

/// <summary>
/// A stand-in for ansm.sante.fr: a real Kestrel server on 127.0.0.1 serving recorded pages by path and query, with
/// ETags, scripted failures and a record of every request (with the plugin's fake clock time).
/// </summary>
internal sealed class AnsmSite : IAsyncDisposable
{
    public const string ListingPath = "/informations-de-securite/";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SiteRequest> _requests = new();

    private AnsmSite(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public Uri Root { get; private set; } = null!;

    public Uri ListingUrl => new(Root, ListingPath);

    public IReadOnlyList<SiteRequest> Requests => [.. _requests];

    public static async Task<AnsmSite> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new AnsmSite(app, time);
        app.Run(site.AnswerAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.Root = new Uri(address);
        return site;
    }

    /// <summary>Serves a sample at <paramref name="pathAndQuery"/>, optionally with an ETag, after <paramref name="failures"/> answers of <paramref name="failureStatus"/>.</summary>
    public void Serve(string pathAndQuery, string sample, string? etag = null, int failures = 0, int failureStatus = 503) =>
        _pages[pathAndQuery] = new Page(Samples.Read(sample), etag, failures, failureStatus);

    /// <summary>The whole sample site: listing pages 1 and 2 and the notices that have a sample page; other notices answer 404.</summary>
    public void ServeSamples(string? listingETag = null)
    {
        Serve(ListingPath, Samples.Listing, listingETag);
        Serve(ListingPath + "?page=2", Samples.ListingPage2);
        Serve(Samples.TavneosPath, Samples.LotTable);
        Serve(Samples.RapidRefillPath, Samples.DeviceFsn);
        Serve(Samples.AmlodipinePath, Samples.Amlodipine);
    }

    public IReadOnlyList<SiteRequest> RequestsFor(string pathAndQuery) => [.. Requests.Where(r => r.PathAndQuery == pathAndQuery)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext http)
    {
        string key = http.Request.Path + http.Request.QueryString;
        string? ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } inm ? inm : null;
        _requests.Enqueue(new SiteRequest(key, _time.GetUtcNow(), ifNoneMatch, http.Request.Headers.UserAgent.ToString()));
        if (!_pages.TryGetValue(key, out var page))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (page.Failures > 0 && Interlocked.Decrement(ref page.Failures) >= 0)
        {
            http.Response.StatusCode = page.FailureStatus;
            return;
        }

        if (page.ETag is { } etag)
        {
            http.Response.Headers.ETag = etag;
            if (ifNoneMatch == etag)
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(page.Html);
    }

    private sealed class Page(string html, string? etag, int failures, int failureStatus)
    {
        public int Failures = failures;

        public string Html { get; } = html;

        public string? ETag { get; } = etag;

        public int FailureStatus { get; } = failureStatus;
    }
}
