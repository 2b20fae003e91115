using RecallHub.Host.Plugins;

namespace RecallHub.Host.Tests.Plugins;

public sealed class PluginsFileTests
{
    [Fact]
    public void Parse_ReadsEveryMember()
    {
        var file = PluginsFile.Parse("""
            {
              // comments are allowed: people edit this file
              "plugins": [
                { "id": "ansm", "folder": "plugins/ansm", "enabled": true, "schedule": "0 0/30 * * * ?",
                  "settings": { "delay": 2 }, "sha256": "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789" },
                { "id": "lgo", "folder": "/opt/recallhub/lgo", "enabled": false, "host": "hub-1" }
              ]
            }
            """, "/etc/recallhub/plugins.json");

        Assert.Equal("/etc/recallhub", file.BaseDirectory);
        var ansm = file.Plugins[0];
        Assert.Equal(("ansm", "plugins/ansm", true, "0 0/30 * * * ?"), (ansm.Id, ansm.Folder, ansm.Enabled, ansm.Schedule));
        Assert.Equal(2, ansm.Settings.GetProperty("delay").GetInt32());
        Assert.Equal("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", ansm.Sha256);
        Assert.False(file.Plugins[1].Enabled);
        Assert.Null(file.Plugins[1].Schedule);
        Assert.Null(ansm.Host);
        Assert.Equal("hub-1", file.Plugins[1].Host);
    }

    [Fact]
    public void Parse_AcceptsTheShippedPluginsJson() =>
        Assert.NotNull(PluginsFile.Read(Path.Combine(RepositoryRoot(), "plugins.json")));

    [Theory]
    [InlineData("""{ "plugins": [ { "folder": "x" } ] }""", "$.plugins[0].id: is required")]
    [InlineData("""{ "plugins": [ { "id": "x" } ] }""", "$.plugins[0].folder: is required")]
    [InlineData("""{ "plugins": [ { "id": "ANSM", "folder": "x" } ] }""", "$.plugins[0].id: 'ANSM' is not a plugin id")]
    [InlineData("""{ "plugins": [ { "id": "a", "folder": "x" }, { "id": "a", "folder": "y" } ] }""", "$.plugins[1].id: 'a' is listed twice")]
    [InlineData("""{ "plugins": [ { "id": "a", "folder": "x", "schedule": "every 5 minutes" } ] }""", "$.plugins[0].schedule: 'every 5 minutes' is not a cron expression")]
    [InlineData("""{ "plugins": [ { "id": "a", "folder": "x", "sha256": "abc" } ] }""", "$.plugins[0].sha256: must be 64 hexadecimal characters")]
    [InlineData("""{ "plugins": [ { "id": "a", "folder": "x", "enabled": "yes" } ] }""", "$.plugins[0].enabled: must be true or false")]
    [InlineData("""{ "plugins": [ { "id": "a", "folder": "x", "setings": {} } ] }""", "$.plugins[0].setings: unknown member")]
    [InlineData("""{ "plugins": [ { "id": "a", "folder": "x", "settings": [] } ] }""", "$.plugins[0].settings: must be an object")]
    [InlineData("""{ "plugins": [ { "id": "a", "folder": "x", "schedule": "0 0 * * * ?", "host": "hub-1" } ] }""", "$.plugins[0].host: only a sink can be pinned to one host")]
    [InlineData("""{ "plugin": [] }""", "expected an object with a \"plugins\" array")]
    [InlineData("""{ "plugins": [ }""", "line 1")]
    public void Parse_SaysWhatIsWrongAndWhere(string json, string says)
    {
        var error = Assert.Throws<PluginsFileException>(() => PluginsFile.Parse(json, "plugins.json"));
        Assert.StartsWith("plugins.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SaysWhenTheFileIsMissing() =>
        Assert.Contains("cannot be read", Assert.Throws<PluginsFileException>(() => PluginsFile.Read("/nonexistent/plugins.json")).Message, StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RecallHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RecallHub.sln not found above the test folder.");
    }
}
