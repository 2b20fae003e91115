using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using RecallHub.Sinks.Lgo.Tests.Support;
using RecallHub.Sinks.Lgo.Webhook;
using Some = RecallHub.Sinks.Lgo.Tests.Support.Some;

namespace RecallHub.Sinks.Lgo.Tests.Webhook;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly List<string> _folders = [];
    private TestPluginContext _context = null!;
    private LgoReceiver _lgo = null!;

    public async ValueTask InitializeAsync()
    {
        var time = Some.Clock();
        _lgo = await LgoReceiver.StartAsync(time);
        _context = Context(time);
    }

    public async ValueTask DisposeAsync()
    {
        await _lgo.DisposeAsync();
        _context.Dispose();
        foreach (string folder in _folders)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Events_AreDeliveredInOrder_SignedAndKeyedByTheirId()
    {
        await using var run = await LgoTest.StartAsync(_context);
        HubEvent[] events = [Some.RecallReceived(), Some.Blocked(7, serial: "7GH29KXW41Q"), Some.Unblocked(7, serial: "7GH29KXW41Q")];

        await run.DeliverOkAsync(events);

        var taken = _lgo.Taken;
        Assert.Equal(events.Select(e => e.Id), taken.Select(r => r.IdempotencyKey));
        Assert.All(taken, r => Assert.Equal(WebhookVerification.Valid, r.Verification));
        Assert.Equal(["recall_received", "stock_blocked", "stock_unblocked"], taken.Select(r => r.EventType));
        Assert.Equal(["recall_received", "stock_blocked", "stock_unblocked"], taken.Select(r => r.Json.GetProperty("type").GetString()));
        Assert.Equal("application/json; charset=utf-8", taken[0].ContentType);
    }

    [Fact]
    public async Task AStockEvent_CarriesThePackTheRecallRememberedFromItsNoticeAndTheFrenchMessage()
    {
        await using var run = await LgoTest.StartAsync(_context);
        var blocked = Some.Blocked(7, lot: "A53014", serial: "7GH29KXW41Q");

        await run.DeliverOkAsync(Some.RecallReceived(recallId: 1));
        await run.DeliverOkAsync(blocked);

        var json = _lgo.Taken[^1].Json;
        Assert.Equal(1, json.GetProperty("schema_version").GetInt32());
        Assert.Equal(blocked.Id, json.GetProperty("event_id").GetString());
        Assert.Equal(blocked.Sequence, json.GetProperty("sequence").GetInt64());
        Assert.Equal("2026-11-22T09:30:00+00:00", json.GetProperty("occurred_at").GetString());
        var recall = json.GetProperty("recall");
        Assert.Equal((1L, "Amlodipine Biogaran 5 mg", "MED26/A019/B018"), (recall.GetProperty("recall_id").GetInt64(), recall.GetProperty("title").GetString(), recall.GetProperty("alert_number").GetString()));
        Assert.Equal(JsonValueKind.Null, recall.GetProperty("notice").ValueKind);
        var pack = json.GetProperty("pack");
        Assert.Equal(7, pack.GetProperty("block_id").GetInt64());
        Assert.Equal("03400930270387", pack.GetProperty("gtin").GetString());
        Assert.Equal("3400930270387", pack.GetProperty("cip13").GetString());
        Assert.Equal("A53014", pack.GetProperty("lot").GetString());
        Assert.Equal("7GH29KXW41Q", pack.GetProperty("serial").GetString());
        Assert.Equal("2028-02-29", pack.GetProperty("expiry").GetString());
        Assert.Equal(blocked.Message, json.GetProperty("message").GetString());
        // Accents travel as UTF-8, not as \u escapes.
        Assert.Contains("délivrer", _lgo.Taken[^1].Text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("decision").ValueKind);
    }

    [Fact]
    public async Task ARecallEvent_CarriesTheNoticeWithoutItsRawPayload()
    {
        await using var run = await LgoTest.StartAsync(_context);

        await run.DeliverOkAsync(Some.RecallReceived());

        var notice = _lgo.Taken.Single().Json.GetProperty("recall").GetProperty("notice");
        Assert.Equal("amlodipine-biogaran", notice.GetProperty("source_id").GetString());
        Assert.False(notice.TryGetProperty("raw_payload", out var raw) && raw.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task EventsNotChosen_AreNotPushed()
    {
        await using var run = await LgoTest.StartAsync(_context);

        await run.DeliverOkAsync(Some.Blocked(1) with { Type = HubEventType.DispensedPackConcerned }, Some.Blocked(2));

        Assert.Equal(["stock_blocked"], _lgo.Received.Select(r => r.EventType));
    }

    [Fact]
    public async Task A503ThenRecovery_WithinOneDelivery_IsTakenOnceUnderTheSameIdempotencyKey()
    {
        await using var run = await LgoTest.StartAsync(_context);
        var blocked = Some.Blocked(7);
        _lgo.Plan(new PlannedAnswer(503, "maintenance"));

        await run.DeliverOkAsync(blocked);

        Assert.Equal([503, 200], _lgo.Received.Select(r => r.Status));
        Assert.All(_lgo.Received, r => Assert.Equal(blocked.Id, r.IdempotencyKey));
        Assert.Equal(["1", "2"], _lgo.Received.Select(r => r.Attempt));
        Assert.Single(_lgo.Taken);
        Assert.DoesNotContain(_context.State.Values.Keys, k => k.StartsWith("webhook:attempts:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOutage_ThrowsForTheHubToRetry_AndTheRetrySendsOnlyWhatWasNotTaken()
    {
        await using var run = await LgoTest.StartAsync(_context);
        HubEvent[] batch = [Some.Blocked(1), Some.Blocked(2), Some.Blocked(3)];
        _lgo.Plan(new PlannedAnswer(200), new PlannedAnswer(503), new PlannedAnswer(500), new PlannedAnswer(503));

        var failure = await run.DeliveryFailsAsync<HttpRequestException>(batch);
        Assert.Contains(batch[1].Id, failure.Message, StringComparison.Ordinal);

        // The hub retries the same batch later: the first event is not sent again, the second keeps its key.
        await run.DeliverOkAsync(batch);

        Assert.Equal(batch.Select(e => e.Id), _lgo.Taken.Select(r => r.IdempotencyKey));
        Assert.Equal([batch[0].Id, batch[1].Id, batch[1].Id, batch[1].Id, batch[1].Id, batch[2].Id], _lgo.Received.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task APermanentRefusal_GoesToTheDeadLettersWithTheAnswer_AndLaterEventsAreDelivered()
    {
        await using var run = await LgoTest.StartAsync(_context);
        HubEvent[] batch = [Some.Blocked(1), Some.Blocked(2, lot: "B777"), Some.Blocked(3)];
        _lgo.Plan(new PlannedAnswer(200), new PlannedAnswer(400, """{"error":"unknown CIP13 3400930270387"}"""));

        await run.DeliverOkAsync(batch);

        Assert.Equal([batch[0].Id, batch[2].Id], _lgo.Taken.Select(r => r.IdempotencyKey));
        Assert.Equal(3, _lgo.Received.Count);
        var letter = Assert.Single(DeadLetters());
        Assert.Equal(batch[1].Id, letter.GetProperty("event_id").GetString());
        Assert.Equal(400, letter.GetProperty("status_code").GetInt32());
        Assert.Equal("B777", letter.GetProperty("lot").GetString());
        Assert.Contains("unknown CIP13 3400930270387", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(_context.Log.At(PluginLogLevel.Error), m => m.Contains(batch[1].Id, StringComparison.Ordinal));

        // A redelivery of the batch sends nothing again.
        await run.DeliverOkAsync(batch);
        Assert.Equal(3, _lgo.Received.Count);
    }

    [Fact]
    public async Task RepeatedFailures_GoToTheDeadLettersAfterTheConfiguredAttempts_CountedAcrossDeliveries()
    {
        var context = Context(_context.Clock, """ "dead_letter_after": 3, "webhook_tries_per_delivery": 1 """);
        await using var run = await LgoTest.StartAsync(context);
        HubEvent[] batch = [Some.Blocked(1), Some.Blocked(2)];
        _lgo.Plan(new PlannedAnswer(500), new PlannedAnswer(500), new PlannedAnswer(500));

        await run.DeliveryFailsAsync<HttpRequestException>(batch);
        // A restart between the hub's retries keeps the count.
        using var restarted = LgoTest.Restarted(context);
        await using var afterRestart = await LgoTest.StartAsync(restarted);
        await afterRestart.DeliveryFailsAsync<HttpRequestException>(batch);
        await afterRestart.DeliverOkAsync(batch);

        Assert.Equal([batch[1].Id], _lgo.Taken.Select(r => r.IdempotencyKey));
        var letter = Assert.Single(DeadLetters(context));
        Assert.Equal(3, letter.GetProperty("attempts").GetInt32());
        Assert.Contains("Not taken after 3 attempts; last: HTTP 500", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        context.Dispose();
    }

    [Fact]
    public async Task ATimeoutAndA429_AreRetried_NotRefused()
    {
        var context = Context(_context.Clock, """ "webhook_timeout": 5 """);
        await using var run = await LgoTest.StartAsync(context);
        var blocked = Some.Blocked(1);
        _lgo.Plan(PlannedAnswer.NoAnswer, new PlannedAnswer(429));

        var delivery = run.DeliverOkAsync(blocked);
        await _lgo.Hanging.WaitAsync(TestContext.Current.CancellationToken);
        context.Clock.Advance(TimeSpan.FromSeconds(6));
        await delivery;

        Assert.Equal([null, 429, 200], _lgo.Received.Select(r => r.Status));
        Assert.Single(_lgo.Taken);
        Assert.Empty(DeadLetters(context));
        Assert.Contains(context.Log.At(PluginLogLevel.Warning), m => m.Contains("no answer within 5 s", StringComparison.Ordinal));
        context.Dispose();
    }

    [Fact]
    public async Task AnUnreachableLgo_CountsAsAFailedAttempt()
    {
        var context = Context(_context.Clock, """ "webhook_tries_per_delivery": 1 """, url: "http://127.0.0.1:1/webhook");
        await using var run = await LgoTest.StartAsync(context);
        var blocked = Some.Blocked(1);

        await run.DeliveryFailsAsync<HttpRequestException>(blocked);

        Assert.Equal("1", context.State.Values["webhook:attempts:" + blocked.Id]);
        context.Dispose();
    }

    private TestPluginContext Context(FakeTimeProvider time, string extra = "", string? url = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "recallhub-lgo-tests", Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return LgoTest.Context($$"""
            {
              "webhook_url": "{{url ?? _lgo.Url.ToString()}}",
              "webhook_secret": "env:LGO_WEBHOOK_SECRET",
              "webhook_retry_delay": 0,
              "webhook_tries_per_delivery": 3,
              "file_drop_folder": {{JsonSerializer.Serialize(folder)}}{{(extra.Length > 0 ? "," + extra : "")}}
            }
            """, time);
    }

    private IReadOnlyList<JsonElement> DeadLetters(TestPluginContext? context = null)
    {
        string folder = (context ?? _context).Settings.GetString("file_drop_folder");
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "dead-letter.json")));
        return [.. document.RootElement.GetProperty("dead_letters").EnumerateArray().Select(e => e.Clone())];
    }
}
