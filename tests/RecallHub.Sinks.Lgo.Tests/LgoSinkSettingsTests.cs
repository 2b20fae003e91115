using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Lgo.Tests.Support;

namespace RecallHub.Sinks.Lgo.Tests;

public sealed class LgoSinkSettingsTests
{
    private static LgoSinkSettings Read(string json, bool withSecret = true)
    {
        using var context = LgoTest.Context(json, withSecret: withSecret);
        return LgoSinkSettings.Read(context.Settings);
    }

    [Fact]
    public void NoMode_IsAConfigurationError()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => Read("{}"));

        Assert.Contains("\"webhook_url\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"file_drop_folder\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSecret_IsReadFromTheEnvironment_AndItsAbsenceNamesTheVariable()
    {
        string json = """{ "webhook_url": "https://lgo.example/hooks/recallhub", "webhook_secret": "env:LGO_WEBHOOK_SECRET" }""";

        Assert.Equal(Some.Secret, Read(json).WebhookSecret);
        var error = Assert.Throws<PluginConfigurationException>(() => Read(json, withSecret: false));
        Assert.Contains("'LGO_WEBHOOK_SECRET'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var settings = Read("""{ "file_drop_folder": "drop" }""");

        Assert.Null(settings.WebhookUrl);
        Assert.Equal(Path.GetFullPath("drop"), settings.FileDropFolder);
        Assert.Equal(Path.Combine(Path.GetFullPath("drop"), "dead-letter.json"), settings.DeadLetterFile);
        Assert.Equal((TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(1), 30), (settings.WebhookTimeout, settings.WebhookTriesPerDelivery, settings.WebhookRetryDelay, settings.DeadLetterAfter));
        Assert.Equal(
            [HubEventType.RecallReceived, HubEventType.RecallRevised, HubEventType.StockBlocked, HubEventType.StockUnblocked],
            settings.WebhookEvents.Order());
    }

    [Fact]
    public void AnUnknownEventType_IsNamed()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => Read("""{ "file_drop_folder": "drop", "webhook_events": ["stock_blocked", "stock_moved"] }"""));

        Assert.Contains("'stock_moved'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "webhook_url": "https://lgo.example/h", "webhook_secret": "short" }""", "at least 16 characters")]
    [InlineData("""{ "file_drop_folder": "drop", "dead_letter_after": 0 }""", "'dead_letter_after'")]
    [InlineData("""{ "file_drop_folder": "drop", "webhook_tries_per_delivery": 50 }""", "'webhook_tries_per_delivery'")]
    [InlineData("""{ "webhook_url": "ftp://lgo.example/h", "webhook_secret": "0123456789abcdef" }""", "absolute http(s) URL")]
    public void WrongValues_AreRefusedWithTheSettingsName(string json, string expected)
    {
        var error = Assert.Throws<PluginConfigurationException>(() => Read(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
