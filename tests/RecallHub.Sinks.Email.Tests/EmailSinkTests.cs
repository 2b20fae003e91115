using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using RecallHub.Sinks.Email.Tests.Support;
using Some = RecallHub.Sinks.Email.Tests.Support.Some;

namespace RecallHub.Sinks.Email.Tests;

/// <summary>The e-mail sink against a real SMTP server (aiosmtpd on 127.0.0.1), messages read back from its Maildir.</summary>
public sealed class EmailSinkTests : IAsyncLifetime
{
    private SmtpTestServer? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SmtpTestServer.StartAsync();

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task BlockedStock_SendsOneFrenchMessage_WithTextAndHtml()
    {
        await using var sink = await StartedAsync(Settings(_server!.Port));

        await sink.DeliverAsync([Some.RecallReceived(7), Some.StockBlocked(7, "A53014", "7GH29KXW41Q"), Some.StockBlocked(7, "A53014", "8HJ30LYX52R")], Cancel);

        var message = Assert.Single(_server.Messages());
        Assert.Equal("[Rappel] 2 boîte(s) bloquée(s) : Amlodipine Biogaran 5 mg, gélule (MED26/A019/B018)", message.Subject);
        Assert.Equal(["rappels@pharmacie-des-tilleuls.fr"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("7", message.Headers["X-RecallHub-Recall"]);
        Assert.Contains("2 boîte(s) de votre stock sont bloquées depuis le 22/11/2026 à 10:30 : ne pas les délivrer.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- CIP 3400930270387, lot A53014, n° 7GH29KXW41Q, exp. 29/02/2028 (scannée à : comptoir-2)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Les retourner au laboratoire Biogaran", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/recalls/7", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<td>8HJ30LYX52R</td>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<li>Mettre les boîtes en quarantaine</li>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaliciousRecallTitle_IsTextInTheHtmlPart()
    {
        const string title = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"Amlodipine\"";
        await using var sink = await StartedAsync(Settings(_server!.Port));

        await sink.DeliverAsync([Some.RecallReceived(3, Some.Notice(title)), Some.StockBlocked(3, "<b>L1</b>", "S1")], Cancel);

        var message = Assert.Single(_server.Messages());
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>L1", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&amp; &quot;Amlodipine&quot;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(title, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedBatch_IsNotSentTwice_AndKeepsItsMessageId()
    {
        var state = new InMemoryPluginState();
        HubEvent[] batch = [Some.RecallReceived(7), Some.StockBlocked(7, "A53014", "S1")];
        await using (var first = await StartedAsync(Settings(_server!.Port), state))
        {
            await first.DeliverAsync(batch, Cancel);
        }

        // The hub retries a batch whose delivery it could not record (a crash after the server said 250).
        await using var second = await StartedAsync(Settings(_server.Port), state);
        await second.DeliverAsync(batch, Cancel);
        var fresh = await StartedAsync(Settings(_server.Port));
        var alert = Composing.RecallAlertComposer.Compose(batch, _ => null).Single();

        var message = Assert.Single(_server.Messages());
        Assert.Equal(message.MessageId, fresh.Compose(alert).MessageId);
        Assert.Matches("^recall-7\\.[0-9a-f]{32}@recallhub\\.invalid$", message.MessageId);
    }

    [Fact]
    public async Task ServerDown_Throws_SoTheHubRetries_ThenSendsOnce()
    {
        var state = new InMemoryPluginState();
        HubEvent[] batch = [Some.RecallReceived(7), Some.StockBlocked(7, "A53014", "S1")];
        await using (var down = await StartedAsync(Settings(SmtpTestServer.FreePort()), state))
        {
            await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(async () => await down.DeliverAsync(batch, Cancel));
        }

        Assert.DoesNotContain(state.Values.Keys, k => k.StartsWith("sent/", StringComparison.Ordinal));
        await using var up = await StartedAsync(Settings(_server!.Port), state);
        await up.DeliverAsync(batch, Cancel);

        Assert.Single(_server.Messages());
    }

    [Fact]
    public async Task RecallThatBlocksNothing_SendsNothing()
    {
        await using var sink = await StartedAsync(Settings(_server!.Port));

        await sink.DeliverAsync([Some.RecallReceived(9)], Cancel);

        Assert.Empty(_server.Messages());
    }

    [Fact]
    public async Task DispensedPacks_AreCounted_WithoutNamingPatients()
    {
        var notice = Some.Notice() with { RecallLevels = Abstractions.Notices.RecallLevels.Patients | Abstractions.Notices.RecallLevels.Pharmacies };
        await using var sink = await StartedAsync(Settings(_server!.Port));

        await sink.DeliverAsync([Some.RecallReceived(5, notice), Some.DispensedPackConcerned(5, "A53014"), Some.DispensedPackConcerned(5, "A53014")], Cancel);

        var message = Assert.Single(_server.Messages());
        Assert.StartsWith("[Rappel] 2 boîte(s) délivrée(s) concernée(s)", message.Subject, StringComparison.Ordinal);
        Assert.Contains("le rappel va jusqu'au patient", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockOfARecallNeverAnnounced_StillSaysWhatToDo()
    {
        await using var sink = await StartedAsync(Settings(_server!.Port));

        await sink.DeliverAsync([Some.StockBlocked(42, "A53014", "S1")], Cancel);

        var message = Assert.Single(_server.Messages());
        Assert.Equal("[Rappel] 1 boîte(s) bloquée(s) : Rappel n° 42", message.Subject);
        Assert.Contains("- Mettre les boîtes en quarantaine et suivre la procédure du rappel.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyDigest_IsSentAsTheHubRenderedIt_WithAMessageIdFromItsDay()
    {
        await using var sink = await StartedAsync(Settings(_server!.Port));

        await sink.DeliverAsync([Some.DailyDigest(new DateOnly(2026, 11, 30), "[RecallHub] Pharmacie des Tilleuls — 30/11/2026")], Cancel);

        var message = Assert.Single(_server.Messages());
        Assert.Equal("[RecallHub] Pharmacie des Tilleuls — 30/11/2026", message.Subject);
        Assert.Equal("digest-2026-11-30@recallhub.invalid", message.MessageId);
        Assert.Equal("2026-11-30", message.Headers["X-RecallHub-Digest"]);
        Assert.Equal("<p>Rien à signaler aujourd&#x2019;hui.</p>", message.HtmlBody?.TrimEnd());
        Assert.Equal("Rien à signaler aujourd'hui.", message.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task DailyDigest_RetriedOrWrittenTwice_IsSentOncePerDay()
    {
        var state = new InMemoryPluginState();
        var day = new DateOnly(2026, 11, 30);
        var digest = Some.DailyDigest(day);
        await using (var first = await StartedAsync(Settings(_server!.Port), state))
        {
            await first.DeliverAsync([digest, Some.DailyDigest(day)], Cancel);
        }

        // A retry after a crash, and another event for the same day: still one e-mail. The next day is a new one.
        await using var second = await StartedAsync(Settings(_server.Port), state);
        await second.DeliverAsync([digest, Some.DailyDigest(day)], Cancel);
        await second.DeliverAsync([Some.DailyDigest(day.AddDays(1))], Cancel);

        Assert.Equal(["digest-2026-11-30@recallhub.invalid", "digest-2026-12-01@recallhub.invalid"], _server.Messages().Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DailyDigest_BesideAnAlert_BothGoInOneBatch()
    {
        await using var sink = await StartedAsync(Settings(_server!.Port));

        await sink.DeliverAsync([Some.RecallReceived(7), Some.StockBlocked(7, "A53014", "S1"), Some.DailyDigest(new DateOnly(2026, 11, 30))], Cancel);

        Assert.Equal(2, _server.Messages().Count);
        Assert.Contains(_server.Messages(), m => m.MessageId?.StartsWith("recall-7.", StringComparison.Ordinal) == true);
        Assert.Contains(_server.Messages(), m => m.MessageId == "digest-2026-11-30@recallhub.invalid");
    }

    [Fact]
    public async Task StartTls_WithAPinnedSelfSignedCertificate_Sends()
    {
        using var tls = await SmtpTestServer.StartAsync(startTls: true);
        await using var sink = await StartedAsync(Settings(tls.Port, security: "starttls", pin: tls.CertificateSha256));

        await sink.DeliverAsync([Some.RecallReceived(7), Some.StockBlocked(7, "A53014", "S1")], Cancel);

        Assert.Single(tls.Messages());
    }

    [Fact]
    public async Task StartTls_WithAnUntrustedCertificate_IsRefused()
    {
        using var tls = await SmtpTestServer.StartAsync(startTls: true);
        await using var sink = await StartedAsync(Settings(tls.Port, security: "starttls"));

        await Assert.ThrowsAsync<MailKit.Security.SslHandshakeException>(async () => await sink.DeliverAsync([Some.StockBlocked(7, "A53014", "S1")], Cancel));
        Assert.Empty(tls.Messages());
    }

    [Theory]
    [InlineData("""{ "smtp_host": "127.0.0.1", "from": "rappels@exemple.fr", "to": ["a@exemple.fr"], "security": "ssl3" }""", "Setting 'security' of plugin 'email' is 'ssl3'")]
    [InlineData("""{ "smtp_host": "127.0.0.1", "from": "pas une adresse", "to": ["a@exemple.fr"] }""", "Setting 'from' of plugin 'email' is 'pas une adresse'")]
    [InlineData("""{ "smtp_host": "127.0.0.1", "from": "rappels@exemple.fr", "to": [] }""", "Setting 'to' of plugin 'email' is empty")]
    [InlineData("""{ "smtp_host": "127.0.0.1", "from": "rappels@exemple.fr", "to": ["a@exemple.fr"], "username": "pharma" }""", "has a 'username' but no 'password'")]
    [InlineData("""{ "smtp_host": "127.0.0.1", "from": "rappels@exemple.fr", "to": ["a@exemple.fr"], "smtp_port": 70000 }""", "a port is 1 to 65535")]
    public async Task BadSettings_StopTheSinkAtStart_NamingTheSetting(string settings, string expected)
    {
        await using var sink = new EmailSink();

        var error = await Assert.ThrowsAsync<PluginConfigurationException>(async () => await sink.StartAsync(EmailContext.Create(settings), Cancel));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenTemplate_StopsTheSinkAtStart_WithTheFileAndLine()
    {
        string folder = Directory.CreateTempSubdirectory("recallhub-templates").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "templates")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "recall-alert.html.scriban"), "<p>{{ for pack in blocked }}{{ pack.lot }}</p>");
        await using var sink = new EmailSink();

        var error = await Assert.ThrowsAsync<PluginConfigurationException>(async () =>
            await sink.StartAsync(EmailContext.Create(Settings(25, templates: folder)), Cancel));

        Assert.Contains("recall-alert.html.scriban", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not parse", error.Message, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<EmailSink> StartedAsync(string settings, InMemoryPluginState? state = null)
    {
        var sink = new EmailSink();
        await sink.StartAsync(EmailContext.Create(settings, state: state), Cancel);
        return sink;
    }

    private static string Settings(int port, string security = "none", string? pin = null, string? templates = null) => $$"""
        {
          "smtp_host": "127.0.0.1",
          "smtp_port": {{port}},
          "security": "{{security}}",
          {{(pin is null ? "" : $"\"server_certificate_sha256\": \"{pin}\",")}}
          {{(templates is null ? "" : $"\"templates\": {System.Text.Json.JsonSerializer.Serialize(templates)},")}}
          "from": "RecallHub <recallhub@pharmacie-des-tilleuls.fr>",
          "to": ["Pharmacie des Tilleuls <rappels@pharmacie-des-tilleuls.fr>"],
          "pharmacy_name": "Pharmacie des Tilleuls",
          "dashboard_url": "http://127.0.0.1:5080"
        }
        """;
}
