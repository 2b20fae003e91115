using RecallHub.Abstractions.Plugins;

namespace RecallHub.Abstractions.Tests.Plugins;

public sealed class PluginManifestTests
{
    private const string Manifest = """
        {
          "id": "ansm",
          "version": "1.2.0",
          "kind": "source",
          "contract_version": "1.0",
          "assembly": "RecallHub.Sources.Ansm.dll",
          "description": "ANSM safety notices",
          "settings_schema": { "type": "object", "properties": { "delay": { "type": "number" } } }
        }
        """;

    [Fact]
    public void Read_ReadsEveryMember()
    {
        var manifest = PluginManifest.Read(Manifest, "plugins/ansm/plugin.json");

        Assert.Equal("ansm", manifest.Id);
        Assert.Equal("1.2.0", manifest.Version);
        Assert.Equal(PluginKind.Source, manifest.Kind);
        Assert.Equal("1.0", manifest.ContractVersion);
        Assert.Equal("RecallHub.Sources.Ansm.dll", manifest.Assembly);
        Assert.Equal("number", manifest.SettingsSchema!.Value.GetProperty("properties").GetProperty("delay").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("\"id\": \"ansm\"", "\"id\": \"ANSM\"", "$.id: 'ANSM' is not a plugin id")]
    [InlineData("\"version\": \"1.2.0\"", "\"version\": \"v1\"", "$.version: 'v1' is not a version")]
    [InlineData("\"contract_version\": \"1.0\"", "\"contract_version\": \"one\"", "$.contract_version: 'one'")]
    [InlineData("\"RecallHub.Sources.Ansm.dll\"", "\"bin/RecallHub.Sources.Ansm.dll\"", "$.assembly: 'bin/RecallHub.Sources.Ansm.dll' must be the file name")]
    [InlineData("\"kind\": \"source\"", "\"kind\": \"filter\"", "$.kind")]
    [InlineData("\"description\"", "\"summary\"", "$.summary")]
    public void Read_SaysWhatIsWrongAndWhere(string find, string replace, string says)
    {
        string json = Manifest.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Manifest, json);

        var error = Assert.Throws<PluginConfigurationException>(() => PluginManifest.Read(json, "plugins/ansm/plugin.json"));

        Assert.StartsWith("plugins/ansm/plugin.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }
}
