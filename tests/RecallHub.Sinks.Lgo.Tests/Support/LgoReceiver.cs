using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RecallHub.Sinks.Lgo.Webhook;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>
/// The LGO's side: a real Kestrel server on 127.0.0.1 that records every webhook request, verifies its signature
/// with <see cref="WebhookSignatureVerifier"/>, and answers as told — 200 by default, or the planned answers in turn
/// (500, 503, 400 with a body, or no answer until released).
/// </summary>
internal sealed class LgoReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<PlannedAnswer> _plan = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private LgoReceiver(WebApplication app, WebhookSignatureVerifier verifier)
    {
        _app = app;
        Verifier = verifier;
        app.MapPost("/webhook", HandleAsync);
    }

    public WebhookSignatureVerifier Verifier { get; }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>The requests answered 2xx: what the LGO applied.</summary>
    public IReadOnlyList<ReceivedRequest> Taken => [.. _received.Where(r => r.Status is >= 200 and < 300)];

    /// <summary>Signalled when a request arrives and waits for <see cref="PlannedAnswer.Hang"/>'s release.</summary>
    public SemaphoreSlim Hanging { get; } = new(0);

    public static async Task<LgoReceiver> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new LgoReceiver(builder.Build(), new WebhookSignatureVerifier(Some.Secret, time));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.Single()
            : throw new InvalidOperationException("No server.");
        receiver.Url = new Uri(address + "/webhook");
        return receiver;
    }

    /// <summary>The next requests get these answers, in turn; then 200 again.</summary>
    public void Plan(params PlannedAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _plan.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Hanging.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        byte[] body = buffer.ToArray();
        string? timestamp = http.Request.Headers[WebhookHeaders.Timestamp];
        string? signature = http.Request.Headers[WebhookHeaders.Signature];
        var verification = Verifier.Verify(timestamp, signature, body);

        var answer = verification != WebhookVerification.Valid
            ? new PlannedAnswer(401, verification.ToString())
            : _plan.TryDequeue(out var planned) ? planned : new PlannedAnswer(200, "");

        var request = new ReceivedRequest(
            http.Request.Headers[WebhookHeaders.IdempotencyKey].ToString(),
            http.Request.Headers[WebhookHeaders.EventType].ToString(),
            http.Request.Headers[WebhookHeaders.Attempt].ToString(),
            timestamp,
            signature,
            http.Request.ContentType,
            body,
            verification,
            answer.Hang ? null : answer.Status);
        _received.Enqueue(request);

        if (answer.Hang)
        {
            Hanging.Release();
            // Held until the client gives up: the sink's timeout is what is tested.
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        http.Response.StatusCode = answer.Status;
        if (answer.Body.Length > 0)
        {
            await http.Response.WriteAsync(answer.Body, http.RequestAborted);
        }
    }
}
