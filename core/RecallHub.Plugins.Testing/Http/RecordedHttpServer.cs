using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a free port, standing in for a recall publisher or a webhook:
/// it serves recorded payloads by path and query, answers routes with code, fails on demand (503 then 200…),
/// honours ETags, and records every request.
/// </summary>
/// <remarks>
/// A request is answered by, in order: a failure queued with <see cref="FailNext"/>; a failure left on its path
/// (<see cref="FailFirst"/>); the payload served at its exact path and query; a route on its path; a file of a
/// served folder; else 404. Configure it from any thread, also while it serves.
/// </remarks>
public sealed class RecordedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Served> _served = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, RecordedResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FailureCount> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _nextFailures = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordedHttpServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, oldest first (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server on 127.0.0.1 and a free port.</summary>
    /// <param name="time">The clock that dates requests: give the plugin's fake clock to compare; the system clock by default.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server; dispose it to stop it.</returns>
    public static async Task<RecordedHttpServer> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new RecordedHttpServer(app, time ?? TimeProvider.System);
        app.Run(server.AnswerAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    /// <param name="pathAndQuery">E.g. <c>/recalls.json?page=2</c>.</param>
    /// <returns>The URL.</returns>
    public Uri Url(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return new Uri(BaseAddress, pathAndQuery.TrimStart('/'));
    }

    /// <summary>The requests for exactly <paramref name="pathAndQuery"/>, oldest first.</summary>
    /// <param name="pathAndQuery">E.g. <c>/listing?page=2</c>.</param>
    /// <returns>The requests.</returns>
    public IReadOnlyList<RecordedRequest> RequestsFor(string pathAndQuery) => [.. _requests.Where(r => r.PathAndQuery == pathAndQuery)];

    /// <summary>
    /// Serves <paramref name="body"/> at exactly <paramref name="pathAndQuery"/> to any method. With an
    /// <paramref name="etag"/>, a request whose If-None-Match carries it is answered 304 Not Modified.
    /// </summary>
    /// <param name="pathAndQuery">The path and query, e.g. <c>/recalls.json</c> or <c>/listing?page=2</c>.</param>
    /// <param name="body">The body, sent as UTF-8.</param>
    /// <param name="contentType">Its media type (JSON by default).</param>
    /// <param name="etag">The entity tag, quoted (<c>"v1"</c>), or null.</param>
    public void Serve(string pathAndQuery, string body, string contentType = "application/json; charset=utf-8", string? etag = null)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ArgumentNullException.ThrowIfNull(body);
        _served[Normalise(pathAndQuery)] = new Served(new RecordedResponse(200, body, contentType), etag);
    }

    /// <summary>Serves the content of <paramref name="file"/> (read now) at <paramref name="pathAndQuery"/>.</summary>
    /// <param name="pathAndQuery">The path and query.</param>
    /// <param name="file">The recorded payload.</param>
    /// <param name="contentType">Its media type; by default from its extension (.json, .html, .xml, .csv, .txt).</param>
    /// <param name="etag">The entity tag, or null.</param>
    public void ServeFile(string pathAndQuery, string file, string? contentType = null, string? etag = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        Serve(pathAndQuery, File.ReadAllText(file), contentType ?? ContentTypeOf(file), etag);
    }

    /// <summary>Serves every file under <paramref name="folder"/> below <paramref name="pathPrefix"/> (<c>/data/</c> + relative path).</summary>
    /// <param name="pathPrefix">The URL path prefix, e.g. <c>/data/</c>.</param>
    /// <param name="folder">The folder of recorded payloads.</param>
    public void ServeFolder(string pathPrefix, string folder)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentNullException.ThrowIfNull(folder);
        _folders["/" + pathPrefix.Trim('/') + "/"] = Path.GetFullPath(folder);
    }

    /// <summary>
    /// Answers every request on <paramref name="path"/>, whatever its query and method, with <paramref name="answer"/>:
    /// for a fake API that reads its parameters, or a webhook that records what it is sent.
    /// </summary>
    /// <param name="path">The path, e.g. <c>/api/records</c>.</param>
    /// <param name="answer">Makes the response from the request; may throw to answer 500.</param>
    public void Route(string path, Func<RecordedRequest, RecordedResponse> answer)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(answer);
        _routes[Normalise(path)] = answer;
    }

    /// <summary>The next <paramref name="times"/> requests for <paramref name="pathAndQuery"/> answer <paramref name="status"/>, then it is served normally.</summary>
    /// <param name="pathAndQuery">The exact path and query.</param>
    /// <param name="times">How many requests fail.</param>
    /// <param name="status">The failure's status (503 by default).</param>
    public void FailFirst(string pathAndQuery, int times, int status = StatusCodes.Status503ServiceUnavailable)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        _failures[Normalise(pathAndQuery)] = new FailureCount(times, status);
    }

    /// <summary>The next requests, whatever they ask, answer these statuses, one each, in order.</summary>
    /// <param name="statuses">E.g. 503, 502.</param>
    public void FailNext(params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (int status in statuses)
        {
            _nextFailures.Enqueue(status);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var request = await RecordAsync(http).ConfigureAwait(false);
        _requests.Enqueue(request);
        var response = Answer(request);
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.Body is { } body)
        {
            http.Response.ContentType = response.ContentType ?? "text/plain; charset=utf-8";
            await http.Response.WriteAsync(body, Encoding.UTF8).ConfigureAwait(false);
        }
    }

    private RecordedResponse Answer(RecordedRequest request)
    {
        if (_nextFailures.TryDequeue(out int next))
        {
            return Failure(next);
        }

        if (_failures.TryGetValue(request.PathAndQuery, out var failure) && Interlocked.Decrement(ref failure.Remaining) >= 0)
        {
            return Failure(failure.Status);
        }

        if (_served.TryGetValue(request.PathAndQuery, out var served))
        {
            if (served.ETag is not { } etag)
            {
                return served.Response;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ETag"] = etag };
            return request.Header("If-None-Match") == etag
                ? RecordedResponse.WithStatus(StatusCodes.Status304NotModified) with { Headers = headers }
                : served.Response with { Headers = headers };
        }

        if (_routes.TryGetValue(request.Path, out var route))
        {
            try
            {
                return route(request);
            }
            catch (Exception e)
            {
                return new RecordedResponse(StatusCodes.Status500InternalServerError, $"The route of {request.Path} threw {e.GetType().Name}: {e.Message}");
            }
        }

        foreach (var (prefix, folder) in _folders)
        {
            if (request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                string file = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(request.Path[prefix.Length..])));
                if (file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file))
                {
                    return new RecordedResponse(StatusCodes.Status200OK, File.ReadAllText(file), ContentTypeOf(file));
                }
            }
        }

        return new RecordedResponse(StatusCodes.Status404NotFound, $"Nothing is served at {request.PathAndQuery}.");
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext http)
    {
        var at = _time.GetUtcNow();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        return new RecordedRequest(http.Request.Method, http.Request.Path.Value ?? "/", http.Request.QueryString.Value ?? "", headers, body, at);
    }

    private static RecordedResponse Failure(int status) =>
        new(status, $"<html><body>{status}: failure scripted by the test</body></html>", "text/html; charset=utf-8");

    private static string Normalise(string pathAndQuery) => pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery;

    private static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".json" => "application/json; charset=utf-8",
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    private sealed record Served(RecordedResponse Response, string? ETag);

    private sealed class FailureCount(int remaining, int status)
    {
        public int Remaining = remaining;

        public int Status { get; } = status;
    }
}
