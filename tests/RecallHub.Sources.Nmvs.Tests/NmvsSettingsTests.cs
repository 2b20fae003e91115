using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;

namespace RecallHub.Sources.Nmvs.Tests;

public sealed class NmvsSettingsTests
{
    [Fact]
    public void ConnectorMode_OnThisMachine_NeedsNoCertificate_AndMayUsePlainHttp()
    {
        var settings = Read("""{ "mode": "connector", "endpoint": "http://127.0.0.1:7070/nmvs", "user_id": "ph-0123" }""");

        Assert.Equal((NmvsMode.Connector, "ph-0123"), (settings.Mode, settings.UserId));
        Assert.Null(settings.ClientCertificate);
        Assert.Equal((TimeSpan.FromSeconds(10), 50, 50, false), (settings.Timeout, settings.InlineLimit, settings.BulkSize, settings.DispenseOnDispensation));
    }

    [Theory]
    [InlineData("""{ "mode": "connector", "endpoint": "http://connector.example.fr/nmvs" }""", "https unless the connector runs on this machine")]
    [InlineData("""{ "endpoint": "http://127.0.0.1/nmvs", "certificate": "x.pfx" }""", "https URL in direct mode")]
    [InlineData("""{ "mode": "cps", "endpoint": "https://localhost/nmvs" }""", "\"direct\" or \"connector\"")]
    [InlineData("""{ "endpoint": "https://localhost/nmvs", "certificate_store": "Nowhere/My/00" }""", "CurrentUser/My/THUMBPRINT")]
    [InlineData("""{ "endpoint": "https://localhost/nmvs", "certificate": "/no/such/file.pfx" }""", "could not be read as a .pfx")]
    [InlineData("""{ "endpoint": "https://localhost/nmvs", "certificate": "x.pfx", "certificate_password": "env:RECALLHUB_TEST_UNSET_VARIABLE" }""", "RECALLHUB_TEST_UNSET_VARIABLE")]
    public void WrongSettings_AreRefusedNamingTheSetting(string json, string expected)
    {
        var error = Assert.Throws<PluginConfigurationException>(() => Read(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static NmvsSettings Read(string json)
    {
        using var context = new TestPluginContext("nmvs").WithSettings(json);
        return NmvsSettings.Read(context.Settings);
    }
}
