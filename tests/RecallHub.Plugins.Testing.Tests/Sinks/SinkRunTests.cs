using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing.Tests.Support;

namespace RecallHub.Plugins.Testing.Tests.Sinks;

public sealed class SinkRunTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TestPluginContext Context(string? failOn = null) =>
        new TestPluginContext("ledger").WithSettings(new { token = "env:LEDGER_TOKEN", fail_on = failOn }).WithSecret("LEDGER_TOKEN", "t");

    [Fact]
    public async Task Events_AreHandedOverInNumberedBatchesOfAtMostTheHubsSize()
    {
        using var context = Context();
        var sink = new LedgerSink();
        await using var run = await SinkRun.StartAsync(sink, context, Cancel);
        run.BatchSize = 2;
        var events = Enumerable.Range(0, 5).Select(_ => Some.RecallReceived()).ToList();

        var result = await run.DeliverAsync(events, Cancel);

        result.ThrowIfFailed();
        Assert.Equal([2, 2, 1], sink.BatchSizes);
        Assert.Equal([1L, 2, 3, 4, 5], result.Delivered.Select(e => e.Sequence));
        Assert.Equal(events.Select(e => e.Id), result.Delivered.Select(e => e.Id));
        Assert.Equal(5, context.State.Values.Count);
        Assert.Equal(5, result.Log.Count);
    }

    [Fact]
    public async Task FailingBatch_StopsTheDelivery_AndIsReportedNotThrown()
    {
        using var context = Context(failOn: nameof(HubEventType.StockBlocked));
        await using var run = await SinkRun.StartAsync(new LedgerSink(), context, Cancel);
        run.BatchSize = 1;

        var result = await run.DeliverAsync([Some.RecallReceived(), Some.StockBlocked(), Some.RecallReceived()], Cancel);

        Assert.Single(result.Delivered);
        Assert.Equal(HubEventType.StockBlocked, Assert.Single(result.FailedBatch!).Type);
        Assert.IsType<InvalidOperationException>(result.Failure);
        var e = Assert.Throws<PluginAssertionException>(() => result.ThrowIfFailed());
        Assert.Contains("Refused evt-", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redelivery_KeepsTheEventsIdsAndSequenceNumbers()
    {
        using var context = Context();
        await using var run = await SinkRun.StartAsync(new LedgerSink(), context, Cancel);
        var first = await run.DeliverAsync([Some.StockBlocked(), Some.StockUnblocked()], Cancel);

        var again = await run.DeliverAsync(first.Batches[0], Cancel);

        Assert.Equal(first.Delivered, again.Delivered);
    }

    [Fact]
    public async Task Start_WithAMissingSecret_FailsNamingTheVariable()
    {
        using var context = new TestPluginContext("ledger").WithSettings(new { token = "env:LEDGER_TOKEN" });

        var e = await Assert.ThrowsAsync<PluginConfigurationException>(() => SinkRun.StartAsync(new LedgerSink(), context, Cancel));

        Assert.Contains("LEDGER_TOKEN", e.Message, StringComparison.Ordinal);
    }
}
