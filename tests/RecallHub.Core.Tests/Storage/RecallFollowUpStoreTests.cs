using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class RecallFollowUpStoreTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Acknowledgements_and_actions_are_kept_in_order_with_who_and_when()
    {
        var fixture = _fixture;
        await using var session = await fixture.SessionAsync();
        long recallId = (await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, Token)).RecallId;

        await session.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(recallId, " Marie Dupont ", StoreTestFixture.Start, "lu au briefing"), Token);
        await session.FollowUp.RecordActionAsync(new RecallAction(recallId, "retourné au grossiste", 3, "Paul Martin", StoreTestFixture.Start.AddHours(2)), Token);
        await session.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(recallId, "Paul Martin", StoreTestFixture.Start.AddHours(1)), Token);

        var followUp = await session.FollowUp.GetAsync(recallId, Token);
        Assert.True(followUp.IsAcknowledged);
        Assert.Equal(["Marie Dupont", "Paul Martin"], followUp.Acknowledgements.Select(a => a.By));
        Assert.Equal("lu au briefing", followUp.Acknowledgements[0].Note);
        Assert.Null(followUp.Acknowledgements[1].Note);
        var action = Assert.Single(followUp.Actions);
        Assert.Equal(("retourné au grossiste", 3, "Paul Martin", StoreTestFixture.Start.AddHours(2)), (action.Action, action.Quantity, action.By, action.At));
    }

    [Fact]
    public async Task A_recall_nobody_read_has_an_empty_follow_up()
    {
        var fixture = _fixture;
        await using var session = await fixture.SessionAsync();
        long recallId = (await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, Token)).RecallId;

        var followUp = await session.FollowUp.GetAsync(recallId, Token);

        Assert.False(followUp.IsAcknowledged);
        Assert.Empty(followUp.Actions);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_is_written()
    {
        var fixture = _fixture;
        await using var session = await fixture.SessionAsync();
        long recallId = (await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, Token)).RecallId;

        var noName = await Assert.ThrowsAsync<ArgumentException>(() => session.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(recallId, "  ", StoreTestFixture.Start), Token));
        var noRecall = await Assert.ThrowsAsync<ArgumentException>(() => session.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(recallId + 1, "Marie", StoreTestFixture.Start), Token));
        var negative = await Assert.ThrowsAsync<ArgumentException>(() => session.FollowUp.RecordActionAsync(new RecallAction(recallId, "détruit", -1, "Marie", StoreTestFixture.Start), Token));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => session.FollowUp.RecordActionAsync(new RecallAction(recallId, "détruit", 1, "Marie", StoreTestFixture.Start, new string('x', 2001)), Token));

        Assert.Equal("by", noName.ParamName);
        Assert.Contains($"no recall {recallId + 1}", noRecall.Message, StringComparison.Ordinal);
        Assert.Contains("negative", negative.Message, StringComparison.Ordinal);
        Assert.Equal("note", tooLong.ParamName);
        Assert.Equal(0, fixture.Scalar("SELECT COUNT(*) FROM acknowledgements") + fixture.Scalar("SELECT COUNT(*) FROM recall_actions"));
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : RecallFollowUpStoreTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : RecallFollowUpStoreTests(new PostgreSqlStoreFixture());
}
