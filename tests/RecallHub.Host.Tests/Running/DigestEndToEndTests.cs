using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RecallHub.Core.Events;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Engine;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;
using RecallHub.Sinks.Email.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// The daily digest end to end: the hub as <c>recallhub run</c> starts it, after its digest time with today's digest
/// unsent, catches it up, the real e-mail sink (built, loaded from its own folder) mails it to a real SMTP server
/// (aiosmtpd), and the message is read back from the Maildir.
/// </summary>
public sealed class DigestEndToEndTests : IAsyncLifetime
{
    private const string HostileTitle = "<script>alert('x')</script> Amlodipine & \"Biogaran\"";

    private readonly PluginFolders _folders = new();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private SmtpTestServer? _smtp;
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _smtp = await SmtpTestServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(Cancel);
            await _app.DisposeAsync();
        }

        _catalog?.Dispose();
        _store?.Dispose();
        _smtp?.Dispose();
        SqliteConnection.ClearAllPools();
        _folders.Dispose();
    }

    [Fact]
    public async Task MissedDigest_IsMailedAtStart_ThroughTheEmailSink_WithTheRecallTitleEscaped()
    {
        _folders.AddBuiltPlugin("email");
        _folders.WritePluginsJson($$"""
            { "plugins": [
                { "id": "email", "folder": "plugins/email", "settings": {
                    "smtp_host": "127.0.0.1", "smtp_port": {{_smtp!.Port}}, "security": "none",
                    "from": "RecallHub <recallhub@pharmacie-des-tilleuls.fr>", "to": ["rappels@pharmacie-des-tilleuls.fr"] } }
            ] }
            """);
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folders.Root, "hub.db"), _clock, cancellationToken: Cancel);

        // Yesterday: a pack received, then a recall of its lot with a hostile title (no sink yet, so no alert mail).
        await using (var engine = HubEngineServices.CreateForCommandLine(_store, HubSinks.None, _clock))
        {
            var mediator = engine.GetRequiredService<IMediator>();
            await mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix("A53014", "S1"), PackEvent.Reception) { Workstation = "comptoir-<2>" }]), Cancel);
            await mediator.Send(new IngestNotices([Some.Notice("A53014") with { Title = HostileTitle }], "test"), Cancel);
        }

        // 07:45 in Paris: past the 07:30 digest, which was not sent (the hub was down).
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 6, 45, 0, TimeSpan.Zero));
        _catalog = PluginCatalog.Load(PluginsFile.Read(_folders.PluginsJson));
        Assert.True(Assert.Single(_catalog.Statuses).State == PluginState.Loaded, _catalog.Statuses[0].Reason);
        _app = HubWebApplication.Build("http://127.0.0.1:0", _clock, _catalog, new Dictionary<string, string?>
        {
            ["Hub:Digest:Time"] = "07:30",
            ["Hub:Digest:DashboardUrl"] = "https://recallhub.pharmacie-des-tilleuls.fr",
            ["Hub:Digest:PharmacyName"] = "Pharmacie des Tilleuls",
        }, _store, runPlugins: true);
        await _app.StartAsync(Cancel);

        var message = await DigestMessageAsync();

        Assert.Equal($"[RecallHub] Pharmacie des Tilleuls — 30/11/2026 : 1 boîte(s) bloquée(s) par 1 rappel(s)", message.Subject);
        Assert.Equal("digest-2026-11-30@recallhub.invalid", message.MessageId);
        Assert.Equal(["rappels@pharmacie-des-tilleuls.fr"], message.To.Mailboxes.Select(m => m.Address));
        string html = message.HtmlBody ?? "", text = message.TextBody ?? "";
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Amlodipine &amp; &quot;Biogaran&quot;", html, StringComparison.Ordinal);
        Assert.Contains("comptoir-&lt;2&gt;", html, StringComparison.Ordinal);
        Assert.Contains(HostileTitle, text, StringComparison.Ordinal);
        Assert.Matches(@"<a href=""https://recallhub\.pharmacie-des-tilleuls\.fr/recalls/\d+"">", html);
        Assert.Contains("https://recallhub.pharmacie-des-tilleuls.fr/status", text, StringComparison.Ordinal);
        Assert.Contains("1 boîte(s) bloquée(s), dont 1 depuis hier : ne pas les délivrer.", text, StringComparison.Ordinal);
        Assert.Contains("non lu depuis 0 jour(s)", text, StringComparison.Ordinal);
        Assert.Contains("Sources : toutes en marche", text, StringComparison.Ordinal);

        // Recorded with the event: a restart the same morning does not send it again.
        await using var session = await _store.OpenSessionAsync(Cancel);
        Assert.Equal("2026-11-30", await session.PluginState.GetAsync("hub:digest", "last_sent_day", Cancel));
    }

    private async Task<MimeMessage> DigestMessageAsync()
    {
        for (int i = 0; i < 300; i++)
        {
            if (_smtp!.Messages().FirstOrDefault(m => m.Headers["X-RecallHub-Digest"] is not null) is { } message)
            {
                return message;
            }

            await Task.Delay(50, Cancel);
        }

        Assert.Fail($"No digest reached the SMTP server within 15 s; plugins: {JsonSerializer.Serialize(_catalog!.Statuses.Select(s => $"{s.Id} {s.State} {s.Reason}"))}.");
        return null!;
    }
}
