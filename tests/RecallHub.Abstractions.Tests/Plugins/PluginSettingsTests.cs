using System.Text.Json;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Abstractions.Tests.Plugins;

public sealed class PluginSettingsTests
{
    private static PluginSettings Settings(string json, Func<string, string?>? environment = null) =>
        new("ansm", JsonDocument.Parse(json).RootElement, environment ?? (_ => null));

    [Fact]
    public void Getters_ReadTypedValuesAndDefaults()
    {
        var settings = Settings("""
            { "listing": "https://ansm.sante.fr/informations-de-securite/", "pages": 3, "conditional": false,
              "delay": 2.5, "timeout": "00:00:30", "backoff": "PT1M", "categories": ["rappel", "information"], "note": null }
            """);

        Assert.Equal(new Uri("https://ansm.sante.fr/informations-de-securite/"), settings.GetUri("listing"));
        Assert.Equal(3, settings.GetInt32("pages"));
        Assert.Equal(5, settings.GetInt32("retries", 5));
        Assert.False(settings.GetBoolean("conditional", true));
        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.GetDuration("delay", TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.GetDuration("timeout", TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMinutes(1), settings.GetDuration("backoff", TimeSpan.Zero));
        Assert.Equal(["rappel", "information"], settings.GetStrings("categories"));
        Assert.Empty(settings.GetStrings("missing"));
        Assert.Null(settings.GetString("note", null));
        Assert.False(settings.Contains("note"));
        Assert.True(settings.Contains("pages"));
    }

    [Theory]
    [InlineData("{}", "pages", "Setting 'pages' of plugin 'ansm' is required: set it to a whole number in the plugin's \"settings\" in plugins.json.")]
    [InlineData("{ \"pages\": \"three\" }", "pages", "Setting 'pages' of plugin 'ansm' must be a whole number, not \"three\".")]
    [InlineData("{ \"pages\": 2.5 }", "pages", "Setting 'pages' of plugin 'ansm' must be a whole number, not 2.5.")]
    public void GetInt32_SaysWhichSettingIsWrongAndWhy(string json, string name, string message) =>
        Assert.Equal(message, Assert.Throws<PluginConfigurationException>(() => Settings(json).GetInt32(name)).Message);

    [Theory]
    [InlineData("{ \"delay\": -1 }")]
    [InlineData("{ \"delay\": \"soon\" }")]
    [InlineData("{ \"delay\": true }")]
    public void GetDuration_RefusesWhatIsNotADuration(string json) =>
        Assert.Contains("must be a duration", Assert.Throws<PluginConfigurationException>(() => Settings(json).GetDuration("delay", TimeSpan.Zero)).Message, StringComparison.Ordinal);

    [Fact]
    public void GetUri_RefusesRelativeAndNonHttpUrls()
    {
        Assert.Throws<PluginConfigurationException>(() => Settings("{ \"u\": \"/relative\" }").GetUri("u"));
        Assert.Throws<PluginConfigurationException>(() => Settings("{ \"u\": \"ftp://example.org/\" }").GetUri("u"));
    }

    [Fact]
    public void GetStrings_SaysWhichItemIsNotAString() =>
        Assert.Equal(
            "Setting 'categories[1]' of plugin 'ansm' must be a string, not a number.",
            Assert.Throws<PluginConfigurationException>(() => Settings("{ \"categories\": [\"a\", 2] }").GetStrings("categories")).Message);

    [Fact]
    public void GetSecret_ReadsTheNamedEnvironmentVariable()
    {
        var settings = Settings("{ \"token\": \"env:ACL_TOKEN\", \"literal\": \"s3cret\" }", name => name == "ACL_TOKEN" ? "t0ken" : null);
        Assert.Equal("t0ken", settings.GetSecret("token"));
        Assert.Equal("s3cret", settings.GetSecret("literal"));
    }

    [Fact]
    public void GetSecret_NamesTheMissingVariableWithoutShowingAnySecret()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => Settings("{ \"token\": \"env:ACL_TOKEN\" }").GetSecret("token"));
        Assert.Equal("Setting 'token' of plugin 'ansm' reads environment variable 'ACL_TOKEN', which is not set.", error.Message);
    }

    [Fact]
    public void Constructor_RefusesSettingsThatAreNotAnObject()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => Settings("[1, 2]"));
        Assert.Equal("The settings of plugin 'ansm' must be a JSON object, not an array.", error.Message);
        Assert.False(PluginSettings.Empty("ansm").Contains("x"));
    }
}
