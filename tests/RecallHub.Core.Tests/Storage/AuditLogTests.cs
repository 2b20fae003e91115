using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class AuditLogTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static AuditEntry Entry(string subject = "block:42", string action = "block.lifted", int minute = 0, string? details = "Retourné au grossiste") =>
        new(StoreTestFixture.Start.AddMinutes(minute), "Mme Martin", action, subject, details);

    [Fact]
    public async Task Entries_about_a_subject_come_back_oldest_first_with_increasing_ids()
    {
        await using var session = await _fixture.SessionAsync();
        long second = await session.Audit.AppendAsync(Entry(minute: 10, action: "block.placed", details: null), _ct);
        long other = await session.Audit.AppendAsync(Entry(subject: "recall:7", action: "recall.acknowledged"), _ct);
        long first = await session.Audit.AppendAsync(Entry(minute: 5), _ct); // written late, happened earlier
        long third = await session.Audit.AppendAsync(Entry(minute: 10, action: "block.note"), _ct);

        var entries = await session.Audit.ListAsync("block:42", _ct);

        Assert.True(second < other && other < first && first < third);
        Assert.Equal([first, second, third], entries.Select(e => e.Id));
        Assert.Equal(Entry(minute: 5), entries[0].Entry);
        Assert.Null(entries[1].Entry.Details);
        Assert.Equal(other, Assert.Single(await session.Audit.ListAsync("recall:7", _ct)).Id);
        Assert.Empty(await session.Audit.ListAsync("block:43", _ct));
    }

    [Theory]
    [InlineData("", "block.lifted", "block:1", "entry.Actor")]
    [InlineData("hub", " ", "block:1", "entry.Action")]
    [InlineData("hub", "block.lifted", "", "entry.Subject")]
    public async Task An_entry_needs_an_actor_an_action_and_a_subject(string actor, string action, string subject, string parameter)
    {
        await using var session = await _fixture.SessionAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.Audit.AppendAsync(new AuditEntry(StoreTestFixture.Start, actor, action, subject, null), _ct));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task Entries_survive_closing_and_reopening_the_file()
    {
        await using (var session = await _fixture.SessionAsync())
        {
            await session.Audit.AppendAsync(Entry(), _ct);
        }

        _fixture.Close();
        await _fixture.OpenStoreAsync();
        await using var reopened = await _fixture.SessionAsync();

        Assert.Equal(Entry(), Assert.Single(await reopened.Audit.ListAsync("block:42", _ct)).Entry);
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : AuditLogTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : AuditLogTests(new PostgreSqlStoreFixture());
}
