using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing.Tests.Contexts;

public sealed class TestPluginContextTests
{
    [Fact]
    public void Settings_FromJsonOrAnObject_AreReadWithTheHubsGetters()
    {
        using var fromJson = new TestPluginContext("feed").WithSettings("""{ "delay": "PT2S", "categories": ["a", "b"] } // comments as in plugins.json""");
        using var fromObject = new TestPluginContext("feed").WithSettings(new { delay = 2, categories = new[] { "a", "b" } });

        Assert.Equal(TimeSpan.FromSeconds(2), fromJson.Settings.GetDuration("delay", TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(2), fromObject.Settings.GetDuration("delay", TimeSpan.Zero));
        Assert.Equal(["a", "b"], fromObject.Settings.GetStrings("categories"));
    }

    [Fact]
    public void Secrets_ComeFromTheContext_NeverFromTheRealEnvironment()
    {
        using var context = new TestPluginContext("feed").WithSettings(new { token = "env:FEED_TOKEN", path = "env:PATH" }).WithSecret("FEED_TOKEN", "s3cret");

        Assert.Equal("s3cret", context.Settings.GetSecret("token"));
        var e = Assert.Throws<PluginConfigurationException>(() => context.Settings.GetSecret("path"));
        Assert.Contains("'PATH', which is not set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_KeepsEveryLineWithTheFakeClocksTime()
    {
        using var context = new TestPluginContext("feed");
        IPluginContext plugin = context;

        plugin.Log.Write(PluginLogLevel.Warning, "slow answer");
        context.Clock.Advance(TimeSpan.FromMinutes(1));
        plugin.Log.Write(PluginLogLevel.Error, "gave up", new TimeoutException());

        Assert.Equal(["slow answer"], context.Log.At(PluginLogLevel.Warning));
        Assert.Equal(Some.Now.AddMinutes(1), context.Log.Entries[1].At);
        Assert.IsType<TimeoutException>(context.Log.Entries[1].Exception);
    }

    [Fact]
    public async Task State_SharedWithASecondContext_SurvivesARestart()
    {
        using var first = new TestPluginContext("feed");
        await ((IPluginContext)first).State.SetAsync("etag", "\"v1\"", TestContext.Current.CancellationToken);
        using var restarted = new TestPluginContext("feed", state: first.State);

        Assert.Equal("\"v1\"", await ((IPluginContext)restarted).State.GetAsync("etag", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task State_RefusesKeysTheHubRefuses(string key)
    {
        var state = new InMemoryPluginState();

        await Assert.ThrowsAsync<ArgumentException>(() => state.SetAsync(key, "x", TestContext.Current.CancellationToken).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => state.GetAsync(new string('k', 201), TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task State_RefusesValuesOver64KiBOfUtf8AsTheHubDoes_UnlessTheTestSetsAnotherLimit()
    {
        var state = new InMemoryPluginState();
        var ct = TestContext.Current.CancellationToken;

        await state.SetAsync("fits", new string('a', InMemoryPluginState.MaxValueBytes), ct);
        // 'é' is two bytes of UTF-8: 32 769 characters are over the limit in bytes, not in characters.
        var e = await Assert.ThrowsAsync<ArgumentException>(() => state.SetAsync("accents", new string('é', (InMemoryPluginState.MaxValueBytes / 2) + 1), ct).AsTask());
        Assert.Contains("65538 bytes", e.Message, StringComparison.Ordinal);
        Assert.False(state.Values.ContainsKey("accents"));

        var small = new InMemoryPluginState { ValueLimitBytes = 10 };
        await Assert.ThrowsAsync<ArgumentException>(() => small.SetAsync("k", new string('a', 11), ct).AsTask());
        var unlimited = new InMemoryPluginState { ValueLimitBytes = null };
        await unlimited.SetAsync("k", new string('a', InMemoryPluginState.MaxValueBytes + 1), ct);
    }

    [Fact]
    public async Task State_FailWrites_PlaysAStoreThatIsDown_ForTheKeysItNames_UntilCleared()
    {
        var state = new InMemoryPluginState();
        var ct = TestContext.Current.CancellationToken;
        await state.SetAsync("index", "1", ct);
        state.FailWrites = key => key == "index";

        await Assert.ThrowsAsync<IOException>(() => state.SetAsync("index", "2", ct).AsTask());
        await Assert.ThrowsAsync<IOException>(() => state.RemoveAsync("index", ct).AsTask());
        await state.SetAsync("page:1", "p", ct);
        Assert.Equal("1", await state.GetAsync("index", ct));

        state.FailWrites = null;
        await state.SetAsync("index", "2", ct);
        Assert.Equal("2", await state.GetAsync("index", ct));
    }

    [Fact]
    public void HttpClients_SayTheyAreRecallHubAndThePlugin()
    {
        using var context = new TestPluginContext("feed");

        var client = context.CreateHttpClient();

        Assert.Equal("RecallHub/tests (plugin feed)", client.DefaultRequestHeaders.UserAgent.ToString());
        Assert.Equal(1, context.HttpClientsCreated);
    }

    [Fact]
    public async Task Published_NoticesAreCollected_AndRefusedAsTheHubRefusesThem()
    {
        using var context = new TestSourceContext("feed");
        var good = Some.Notice("feed");

        await context.PublishAsync([good], TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<RecallHub.Abstractions.Notices.RecallNoticeFormatException>(() =>
            context.PublishAsync([good, good with { Title = "" }], TestContext.Current.CancellationToken).AsTask());

        Assert.Equal([good], context.Published);
        Assert.Contains("notices[1].title", e.Message, StringComparison.Ordinal);
    }
}
