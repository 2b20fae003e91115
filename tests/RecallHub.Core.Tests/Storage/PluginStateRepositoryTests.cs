namespace RecallHub.Core.Tests.Storage;

public abstract class PluginStateRepositoryTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_value_is_set_replaced_and_removed()
    {
        await using var session = await _fixture.SessionAsync();
        Assert.Null(await session.PluginState.GetAsync("ansm", "etag", _ct));

        await session.PluginState.SetAsync("ansm", "etag", "\"v1\"", _ct);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await session.PluginState.SetAsync("ansm", "etag", "\"v2\"", _ct);

        Assert.Equal("\"v2\"", await session.PluginState.GetAsync("ansm", "etag", _ct));
        Assert.Equal(StoreTestFixture.Start.AddMinutes(5), _fixture.Instant("SELECT updated_at FROM plugin_state"));

        await session.PluginState.RemoveAsync("ansm", "etag", _ct);
        await session.PluginState.RemoveAsync("ansm", "etag", _ct); // removing a missing key does nothing
        Assert.Null(await session.PluginState.GetAsync("ansm", "etag", _ct));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM plugin_state"));
    }

    [Fact]
    public async Task Each_plugin_has_its_own_keys()
    {
        await using var session = await _fixture.SessionAsync();

        await session.PluginState.SetAsync("ansm", "cursor", "page=3", _ct);
        await session.PluginState.SetAsync("rappelconso", "cursor", "offset=200", _ct);
        await session.PluginState.RemoveAsync("rappelconso", "cursor", _ct);

        Assert.Equal("page=3", await session.PluginState.GetAsync("ansm", "cursor", _ct));
        Assert.Null(await session.PluginState.GetAsync("rappelconso", "cursor", _ct));
    }

    [Fact]
    public async Task Keys_and_values_at_the_limits_are_kept()
    {
        await using var session = await _fixture.SessionAsync();
        string key = new('k', 200);
        string value = new string('é', 32 * 1024); // 2 bytes each in UTF-8: exactly 64 KiB

        await session.PluginState.SetAsync("ansm", key, value, _ct);

        Assert.Equal(value, await session.PluginState.GetAsync("ansm", key, _ct));
        await session.PluginState.SetAsync("ansm", "empty", "", _ct);
        Assert.Equal("", await session.PluginState.GetAsync("ansm", "empty", _ct));
    }

    [Fact]
    public async Task A_key_over_200_characters_is_refused_with_its_length()
    {
        await using var session = await _fixture.SessionAsync();
        string key = new('k', 201);

        var set = await Assert.ThrowsAsync<ArgumentException>(() => session.PluginState.SetAsync("ansm", key, "x", _ct));
        var get = await Assert.ThrowsAsync<ArgumentException>(() => session.PluginState.GetAsync("ansm", key, _ct));

        Assert.Equal("key", set.ParamName);
        Assert.Contains("201 characters long; the limit is 200 characters", set.Message, StringComparison.Ordinal);
        Assert.Equal("key", get.ParamName);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM plugin_state"));
    }

    [Fact]
    public async Task A_value_over_64_KiB_is_refused_with_its_size()
    {
        await using var session = await _fixture.SessionAsync();
        string value = new string('é', 32 * 1024) + "x"; // 65 537 bytes in UTF-8, though only 32 769 characters

        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.PluginState.SetAsync("ansm", "big", value, _ct));

        Assert.Equal("value", error.ParamName);
        Assert.Contains("65537 bytes (UTF-8); the limit is 65536 bytes (64 KiB)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM plugin_state"));
    }

    [Fact]
    public async Task A_blank_plugin_or_key_is_refused()
    {
        await using var session = await _fixture.SessionAsync();

        Assert.Equal("pluginId", (await Assert.ThrowsAsync<ArgumentException>(() => session.PluginState.SetAsync(" ", "k", "v", _ct))).ParamName);
        Assert.Equal("key", (await Assert.ThrowsAsync<ArgumentException>(() => session.PluginState.SetAsync("ansm", "", "v", _ct))).ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.PluginState.SetAsync("ansm", "k", null!, _ct));
    }

    [Fact]
    public async Task State_set_in_a_rolled_back_transaction_is_gone()
    {
        await using var session = await _fixture.SessionAsync();
        await session.PluginState.SetAsync("ansm", "cursor", "page=1", _ct);

        await using (var transaction = await session.BeginTransactionAsync(_ct))
        {
            await session.PluginState.SetAsync("ansm", "cursor", "page=2", _ct);
            await session.PluginState.SetAsync("ansm", "other", "x", _ct);
            Assert.Equal("page=2", await session.PluginState.GetAsync("ansm", "cursor", _ct)); // visible inside
            await transaction.RollbackAsync(_ct);
        }

        Assert.Equal("page=1", await session.PluginState.GetAsync("ansm", "cursor", _ct));
        Assert.Null(await session.PluginState.GetAsync("ansm", "other", _ct));
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : PluginStateRepositoryTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : PluginStateRepositoryTests(new PostgreSqlStoreFixture());
}
