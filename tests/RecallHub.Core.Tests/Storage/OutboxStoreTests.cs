using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class OutboxStoreTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private DateTimeOffset Now => _fixture.Clock.GetUtcNow();

    [Fact]
    public async Task Events_are_taken_in_order_per_sink_with_gapless_sequences()
    {
        await using var session = await _fixture.SessionAsync();
        for (int i = 1; i <= 5; i++)
        {
            await session.Outbox.EnqueueAsync("webhook", "scan.blocked", $$"""{"n":{{i}}}""", _ct);
        }

        var taken = await session.Outbox.TakeDueAsync("webhook", 3, Now, _ct);

        Assert.Equal([1L, 2, 3], taken.Select(m => m.Sequence));
        Assert.Equal(["""{"n":1}""", """{"n":2}""", """{"n":3}"""], taken.Select(m => m.PayloadJson));
        Assert.All(taken, m => Assert.Equal((0, (DateTimeOffset?)null, Now), (m.Attempts, m.DeliveredAt, m.CreatedAt)));
    }

    [Fact]
    public async Task Delivered_events_are_not_returned_again()
    {
        await using var session = await _fixture.SessionAsync();
        var first = await session.Outbox.EnqueueAsync("webhook", "recall.created", "{}", _ct);
        var second = await session.Outbox.EnqueueAsync("webhook", "recall.created", "{}", _ct);

        await session.Outbox.MarkDeliveredAsync([first.Id], Now, _ct);

        Assert.Equal([second.Id], (await session.Outbox.TakeDueAsync("webhook", 10, Now, _ct)).Select(m => m.Id));
        await session.Outbox.MarkDeliveredAsync([second.Id], Now, _ct);
        Assert.Empty(await session.Outbox.TakeDueAsync("webhook", 10, Now, _ct));
        Assert.Equal(2, _fixture.Scalar("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NOT NULL")); // kept, never deleted
    }

    [Fact]
    public async Task A_failed_event_is_retried_after_its_delay_and_blocks_the_events_behind_it()
    {
        await using var session = await _fixture.SessionAsync();
        var first = await session.Outbox.EnqueueAsync("webhook", "recall.created", "{}", _ct);
        await session.Outbox.EnqueueAsync("webhook", "recall.updated", "{}", _ct);

        await session.Outbox.MarkFailedAsync([first.Id], "HTTP 503 from https://lgo.example/hook", Now.AddMinutes(1), _ct);

        Assert.Empty(await session.Outbox.TakeDueAsync("webhook", 10, Now, _ct)); // in order: nothing overtakes the head
        var backlog = await session.Outbox.GetBacklogAsync("webhook", _ct);
        Assert.Equal(new OutboxBacklog("webhook", 2, Now, 1, "HTTP 503 from https://lgo.example/hook"), backlog);

        _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await session.Outbox.TakeDueAsync("webhook", 10, Now, _ct);
        Assert.Equal([1L, 2], retried.Select(m => m.Sequence));
        Assert.Equal(1, retried[0].Attempts);
        Assert.Equal("HTTP 503 from https://lgo.example/hook", retried[0].LastError);

        await session.Outbox.MarkFailedAsync([first.Id], "timeout", Now.AddMinutes(4), _ct);
        Assert.Equal(2, (await session.Outbox.GetBacklogAsync("webhook", _ct)).HeadAttempts);
    }

    [Fact]
    public async Task Two_sinks_are_independent()
    {
        await using var session = await _fixture.SessionAsync();
        var a = await session.Outbox.EnqueueAsync("webhook", "recall.created", "{}", _ct);
        var b = await session.Outbox.EnqueueAsync("mail", "recall.created", "{}", _ct);
        await session.Outbox.EnqueueAsync("mail", "recall.updated", "{}", _ct);

        await session.Outbox.MarkFailedAsync([a.Id], "down", Now.AddHours(1), _ct);

        Assert.Equal(1, b.Sequence);
        Assert.Empty(await session.Outbox.TakeDueAsync("webhook", 10, Now, _ct));
        Assert.Equal([1L, 2], (await session.Outbox.TakeDueAsync("mail", 10, Now, _ct)).Select(m => m.Sequence));
    }

    [Fact]
    public async Task Events_enqueued_in_a_rolled_back_transaction_are_gone_and_sequences_stay_gapless()
    {
        await using var session = await _fixture.SessionAsync();
        await using (var transaction = await session.BeginTransactionAsync(_ct))
        {
            await session.Outbox.EnqueueAsync("webhook", "recall.created", "{}", _ct);
            await transaction.RollbackAsync(_ct);
        }

        var kept = await session.Outbox.EnqueueAsync("webhook", "recall.created", "{}", _ct);

        Assert.Equal(1, kept.Sequence);
        Assert.Single(await session.Outbox.TakeDueAsync("webhook", 10, Now, _ct));
    }

    [Fact]
    public async Task Marking_an_unknown_event_fails_and_names_it()
    {
        await using var session = await _fixture.SessionAsync();
        var known = await session.Outbox.EnqueueAsync("webhook", "recall.created", "{}", _ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => session.Outbox.MarkDeliveredAsync([known.Id, 999], Now, _ct));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Single(await session.Outbox.TakeDueAsync("webhook", 10, Now, _ct)); // nothing marked
    }

    [Fact]
    public async Task Pending_events_survive_closing_and_reopening_the_file()
    {
        await using (var session = await _fixture.SessionAsync())
        {
            await session.Outbox.EnqueueAsync("webhook", "recall.created", """{"id":1}""", _ct);
        }

        _fixture.Close();
        await _fixture.OpenStoreAsync();
        await using var reopened = await _fixture.SessionAsync();

        Assert.Equal("""{"id":1}""", Assert.Single(await reopened.Outbox.TakeDueAsync("webhook", 10, Now, _ct)).PayloadJson);
    }

    [Fact]
    public async Task A_sink_lease_is_held_by_one_holder_until_it_expires_or_is_released()
    {
        await using var session = await _fixture.SessionAsync();
        var until = Now.AddSeconds(30);

        Assert.True(await session.Outbox.TryClaimAsync("webhook", "host-a", until, Now, _ct));
        Assert.True(await session.Outbox.TryClaimAsync("webhook", "host-a", until.AddSeconds(30), Now, _ct)); // renewed by its holder
        Assert.False(await session.Outbox.TryClaimAsync("webhook", "host-b", until, Now, _ct));
        Assert.True(await session.Outbox.TryClaimAsync("mail", "host-b", until, Now, _ct)); // sinks are independent

        // Expired: the other host takes it over, and the first one no longer holds it.
        Assert.True(await session.Outbox.TryClaimAsync("webhook", "host-b", Now.AddMinutes(2), Now.AddMinutes(1), _ct));
        Assert.False(await session.Outbox.TryClaimAsync("webhook", "host-a", Now.AddMinutes(3), Now.AddMinutes(1), _ct));

        // Released by someone else: nothing changes; by its holder: free at once.
        await session.Outbox.ReleaseAsync("webhook", "host-a", _ct);
        Assert.False(await session.Outbox.TryClaimAsync("webhook", "host-a", Now.AddMinutes(3), Now.AddMinutes(1), _ct));
        await session.Outbox.ReleaseAsync("webhook", "host-b", _ct);
        Assert.True(await session.Outbox.TryClaimAsync("webhook", "host-a", Now.AddMinutes(3), Now.AddMinutes(1), _ct));
    }

    [Fact]
    public async Task Two_hosts_claiming_at_once_never_both_get_the_lease()
    {
        var store = await _fixture.OpenStoreAsync();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(h => Task.Run(async () =>
        {
            await using var session = await store.OpenSessionAsync(_ct);
            return await session.Outbox.TryClaimAsync("webhook", $"host-{h}", Now.AddSeconds(30), Now, _ct);
        }, _ct)));

        Assert.Equal(1, claims.Count(c => c));
    }

    [Fact]
    public async Task Concurrent_enqueuers_keep_each_sinks_sequence_increasing_without_gaps()
    {
        var store = await _fixture.OpenStoreAsync();

        // Some in transactions that roll back: their numbers are given back.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            await using var session = await store.OpenSessionAsync(_ct);
            for (int i = 0; i < 25; i++)
            {
                await using var transaction = await session.BeginTransactionAsync(_ct);
                await session.Outbox.EnqueueAsync("webhook", "recall.created", $$"""{"w":{{w}},"i":{{i}}}""", _ct);
                await session.Outbox.EnqueueAsync("mail", "recall.created", "{}", _ct);
                if (i % 5 == 4)
                {
                    await transaction.RollbackAsync(_ct);
                }
                else
                {
                    await transaction.CommitAsync(_ct);
                }
            }
        }, _ct)));

        await using var reader = await _fixture.SessionAsync();
        foreach (string sink in new[] { "webhook", "mail" })
        {
            var taken = await reader.Outbox.TakeDueAsync(sink, 1000, Now, _ct);
            Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), taken.Select(m => m.Sequence));
        }
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : OutboxStoreTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : OutboxStoreTests(new PostgreSqlStoreFixture());
}
