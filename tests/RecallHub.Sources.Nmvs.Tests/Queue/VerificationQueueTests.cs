using RecallHub.Plugins.Testing;
using RecallHub.Sources.Nmvs.Queue;
using Some = RecallHub.Sources.Nmvs.Tests.Support.Some;

namespace RecallHub.Sources.Nmvs.Tests.Queue;

public sealed class VerificationQueueTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(6, 900)] // capped at 15 minutes
    [InlineData(60, 900)]
    public void TheRetryDelay_DoublesUpToFifteenMinutes(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), VerificationQueue.RetryDelay(attempts));

    [Fact]
    public async Task ALargeReception_IsKeptInChunksWithinTheStateStoresLimits_AndNothingIsLost()
    {
        var state = new InMemoryPluginState();
        using var queue = new VerificationQueue(state);
        var packs = Enumerable.Range(0, 1001)
            .Select(i => new QueuedPack(i, QueuedOperation.Verify, Some.Amlodipine, $"SERIAL{i:D14}", "LOT-0123456789ABCDEFG", new DateOnly(2028, 2, 29), Some.Now))
            .ToList();

        var ids = await queue.AddAsync(packs, Cancel);
        await queue.KeepAsync(ids[0], [], Cancel);

        Assert.Equal(6, ids.Count);
        Assert.Equal(801, await queue.CountAsync(Cancel));
        Assert.Equal(1, (await queue.ReadStateAsync(Cancel)).Head);
        Assert.Equal(packs.Skip(200), (await queue.ReadChunksAsync(Cancel)).SelectMany(c => c.Packs));
    }
}
