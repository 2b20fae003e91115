using System.Text.Json;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

public sealed class PluginsCommandTests
{
    [Fact]
    public async Task Plugins_ListsEachPluginsStateAndExitsOneWhenOneFailed()
    {
        using var folders = new PluginFolders();
        folders.AddPlugin("notices", "json-notices", "source");
        folders.WritePluginsJson("""
            { "plugins": [ { "id": "json-notices", "folder": "plugins/notices" }, { "id": "gone", "folder": "plugins/gone" } ] }
            """);

        var run = await CommandLineRun.Of(["plugins", "--config", folders.PluginsJson, "--json"]);

        Assert.Equal(1, run.ExitCode);
        var lines = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["loaded", "failed"], lines.Select(l => l.GetProperty("state").GetString()));
        Assert.Equal("source", lines[0].GetProperty("kind").GetString());
        Assert.Contains("does not exist", lines[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_ExitsZeroWhenEveryPluginLoaded()
    {
        using var folders = new PluginFolders();
        folders.AddPlugin("notices", "json-notices", "source");
        folders.WritePluginsJson("""{ "plugins": [ { "id": "json-notices", "folder": "plugins/notices" } ] }""");

        var run = await CommandLineRun.Of(["plugins", "--config", folders.PluginsJson]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("json-notices", run.Output, StringComparison.Ordinal);
        Assert.Contains("loaded", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_ReportsABrokenPluginsJson()
    {
        using var folders = new PluginFolders();
        folders.WritePluginsJson("""{ "plugins": [ { "id": "x" } ] }""");

        var run = await CommandLineRun.Of(["plugins", "--config", folders.PluginsJson]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$.plugins[0].folder: is required", run.Error, StringComparison.Ordinal);
    }
}
