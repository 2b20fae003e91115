using RecallHub.Core.Ingestion;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Ingestion;

/// <summary>
/// A pull commits its page only if the source's checkpoint is still the one it started from: two hosts pulling the
/// same source never store a page twice nor move the checkpoint back.
/// </summary>
public sealed class CheckpointAdvanceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_read_from_the_stored_checkpoint_is_stored_with_its_advance()
    {
        await using var engine = await EngineFixture.StartAsync();
        await Pull(engine, expected: null, next: "page=1");

        await Pull(engine, expected: "page=1", next: "page=2");

        await using var session = await engine.SessionAsync();
        Assert.Equal("page=2", (await session.Checkpoints.GetAsync("ansm", Token))!.Checkpoint);
        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM recalls"));
    }

    [Fact]
    public async Task A_page_read_from_a_checkpoint_another_host_moved_is_refused_whole()
    {
        await using var engine = await EngineFixture.StartAsync();
        await Pull(engine, expected: null, next: "page=2");

        var conflict = await Assert.ThrowsAsync<CheckpointConflictException>(() => Pull(engine, expected: "page=1", next: "page=2", lot: "B00002"));

        Assert.Equal("ansm", conflict.SourceId);
        Assert.Contains("'page=1'", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM recalls")); // the refused page's notice is not stored
        await using var session = await engine.SessionAsync();
        Assert.Equal("page=2", (await session.Checkpoints.GetAsync("ansm", Token))!.Checkpoint);
    }

    [Fact]
    public async Task A_first_pull_loses_to_another_first_pull_that_committed_before_it()
    {
        await using var engine = await EngineFixture.StartAsync();
        await Pull(engine, expected: null, next: "page=1");

        await Assert.ThrowsAsync<CheckpointConflictException>(() => Pull(engine, expected: null, next: "page=1", lot: "B00002"));
        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM recalls"));
    }

    private static Task Pull(EngineFixture engine, string? expected, string next, string lot = "A53014") =>
        engine.Mediator.Send(
            new IngestNotices([Notices.LotRecall(lots: lot, sourceId: $"notice-{lot}", alertNumber: null)], "ansm")
            {
                Checkpoint = new SourceCheckpointAdvance("ansm", next) { Expected = new ExpectedCheckpoint(expected) },
            },
            Token).AsTask();
}
