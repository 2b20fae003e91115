using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class CheckpointStoreTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_checkpoint_is_set_and_read_back_with_its_time()
    {
        await using var session = await _fixture.SessionAsync();
        Assert.Null(await session.Checkpoints.GetAsync("ansm", _ct));

        await session.Checkpoints.SetAsync("ansm", "page=3", _ct);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await session.Checkpoints.SetAsync("ansm", "page=4", _ct);

        Assert.Equal(new SourceCheckpoint("ansm", "page=4", StoreTestFixture.Start.AddMinutes(5)), await session.Checkpoints.GetAsync("ansm", _ct));
    }

    [Fact]
    public async Task A_checkpoint_set_in_a_rolled_back_transaction_does_not_advance()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Checkpoints.SetAsync("ansm", "page=1", _ct);

        await using (var transaction = await session.BeginTransactionAsync(_ct))
        {
            await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);
            await session.Checkpoints.SetAsync("ansm", "page=2", _ct);
            await transaction.RollbackAsync(_ct);
        }

        Assert.Equal("page=1", (await session.Checkpoints.GetAsync("ansm", _ct))!.Checkpoint);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_rolls_back()
    {
        await using var session = await _fixture.SessionAsync();
        await using (await session.BeginTransactionAsync(_ct))
        {
            await session.Checkpoints.SetAsync("ansm", "page=2", _ct);
        }

        Assert.Null(await session.Checkpoints.GetAsync("ansm", _ct));
    }

    [Fact]
    public async Task Notices_their_outbox_events_and_the_checkpoint_commit_together()
    {
        await using (var session = await _fixture.SessionAsync())
        {
            await using var transaction = await session.BeginTransactionAsync(_ct);
            var stored = await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);
            await session.Outbox.EnqueueAsync("webhook", "recall.created", $$"""{"recall_id":{{stored.RecallId}}}""", _ct);
            await session.Checkpoints.SetAsync("ansm", "page=2", _ct);

            // Not visible to others before the commit.
            Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM source_checkpoints"));
            await transaction.CommitAsync(_ct);
        }

        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM outbox"));
        Assert.Equal("page=2", _fixture.Text("SELECT checkpoint FROM source_checkpoints WHERE source_id = 'ansm'"));
    }

    [Fact]
    public async Task Only_one_transaction_at_a_time_per_session()
    {
        await using var session = await _fixture.SessionAsync();
        await using var transaction = await session.BeginTransactionAsync(_ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.BeginTransactionAsync(_ct));
    }

    [Fact]
    public async Task A_checkpoint_advances_only_from_the_one_expected()
    {
        await using var session = await _fixture.SessionAsync();
        Assert.True(await session.Checkpoints.TryAdvanceAsync("ansm", null, "page=1", _ct));
        Assert.False(await session.Checkpoints.TryAdvanceAsync("ansm", null, "page=1bis", _ct)); // someone set it first
        Assert.False(await session.Checkpoints.TryAdvanceAsync("ansm", "page=0", "page=2", _ct)); // it moved meanwhile
        Assert.True(await session.Checkpoints.TryAdvanceAsync("ansm", "page=1", "page=2", _ct));

        Assert.Equal("page=2", (await session.Checkpoints.GetAsync("ansm", _ct))!.Checkpoint);
    }

    [Fact]
    public async Task Of_two_hosts_advancing_from_the_same_checkpoint_the_second_to_commit_loses()
    {
        await using (var setup = await _fixture.SessionAsync())
        {
            await setup.Checkpoints.SetAsync("ansm", "page=1", _ct);
        }

        await using var first = await _fixture.SessionAsync();
        await using var second = await _fixture.SessionAsync();
        Task<bool> racing;
        await using (var transaction = await first.BeginTransactionAsync(_ct))
        {
            Assert.True(await first.Checkpoints.TryAdvanceAsync("ansm", "page=1", "page=2", _ct));

            // The second host's write waits for the first's transaction (a row lock, or SQLite's write lock).
            racing = Task.Run(() => second.Checkpoints.TryAdvanceAsync("ansm", "page=1", "page=2-other", _ct), _ct);
            await Task.Delay(200, _ct);
            await transaction.CommitAsync(_ct);
        }

        Assert.False(await racing);
        Assert.Equal("page=2", _fixture.Text("SELECT checkpoint FROM source_checkpoints WHERE source_id = 'ansm'"));
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : CheckpointStoreTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : CheckpointStoreTests(new PostgreSqlStoreFixture());
}
