using RecallHub.Abstractions.Plugins;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Plugins;

public sealed class PluginCatalogTests
{
    private static PluginCatalog Load(PluginFolders folders, string pluginsJson)
    {
        folders.WritePluginsJson(pluginsJson);
        return PluginCatalog.Load(PluginsFile.Read(folders.PluginsJson));
    }

    [Fact]
    public void Load_LoadsASourceAndASinkFromTheirOwnFolders()
    {
        using var folders = new PluginFolders();
        folders.AddPlugin("notices", "json-notices", "source");
        folders.AddPlugin("journal", "journal", "sink");

        using var catalog = Load(folders, $$"""
            { "plugins": [
              { "id": "json-notices", "folder": "plugins/notices", "schedule": "0 * * * * ?", "sha256": "{{PluginFolders.FixtureSha256}}" },
              { "id": "journal", "folder": "plugins/journal" } ] }
            """);

        Assert.All(catalog.Statuses, s => Assert.Equal(PluginState.Loaded, s.State));
        Assert.IsAssignableFrom<IRecallSource>(catalog.Loaded[0].Instance);
        Assert.IsAssignableFrom<IRecallSink>(catalog.Loaded[1].Instance);
        Assert.Equal([PluginKind.Source, PluginKind.Sink], catalog.Statuses.Select(s => s.Kind));
    }

    [Fact]
    public void Load_SharesTheContractTypesWithTheHost()
    {
        using var folders = new PluginFolders();
        folders.AddPlugin("notices", "json-notices", "source");
        using var catalog = Load(folders, """{ "plugins": [ { "id": "json-notices", "folder": "plugins/notices" } ] }""");

        var source = (IRecallSource)catalog.Loaded.Single().Instance;
        var notices = source.Parse(new SourcePayload("""[{ "source": "dp-rappels", "source_id": "1", "title": "Rappel", "kind": "information", "published_at": "2026-11-20T08:00:00+01:00" }]"""));

        // The notice type the plugin built is the host's own type: no copy of the contract was loaded.
        Assert.Equal("dp-rappels", Assert.Single(notices).Source);
        Assert.Same(typeof(IRecallSource).Assembly, notices[0].GetType().Assembly);
    }

    [Fact]
    public void Load_KeepsGoingPastPluginsThatFailAndSaysWhy()
    {
        using var folders = new PluginFolders();
        folders.AddPlugin("good", "good", "source");
        folders.AddPlugin("future", "future", "source", contractVersion: "2.0");
        folders.AddPlugin("wrong-id", "other-id", "sink");
        folders.AddPlugin("no-dll", "no-dll", "sink", assembly: "Missing.dll");
        folders.AddPlugin("pinned", "pinned", "source");

        using var catalog = Load(folders, """
            { "plugins": [
              { "id": "good", "folder": "plugins/good" },
              { "id": "future", "folder": "plugins/future" },
              { "id": "wrong-id", "folder": "plugins/wrong-id" },
              { "id": "no-dll", "folder": "plugins/no-dll" },
              { "id": "pinned", "folder": "plugins/pinned", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" },
              { "id": "absent", "folder": "plugins/absent" },
              { "id": "off", "folder": "plugins/absent", "enabled": false } ] }
            """);

        var byId = catalog.Statuses.ToDictionary(s => s.Id);
        Assert.Equal(PluginState.Loaded, byId["good"].State);
        Assert.Contains($"built against contract 2.0; this host implements {PluginContract.Version}", byId["future"].Reason, StringComparison.Ordinal);
        Assert.Contains("plugins.json lists 'wrong-id' but", byId["wrong-id"].Reason, StringComparison.Ordinal);
        Assert.Contains("Missing.dll' named in the manifest does not exist", byId["no-dll"].Reason, StringComparison.Ordinal);
        Assert.Contains($"Refused: the SHA-256 of", byId["pinned"].Reason, StringComparison.Ordinal);
        Assert.Contains(PluginFolders.FixtureSha256, byId["pinned"].Reason, StringComparison.Ordinal);
        Assert.Contains("does not exist: publish the plugin there", byId["absent"].Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Disabled, byId["off"].State);
        Assert.Single(catalog.Loaded);
    }

    [Fact]
    public void Load_FailsAPluginWhoseManifestIsBroken()
    {
        using var folders = new PluginFolders();
        string folder = folders.AddPlugin("broken", "broken", "source");
        File.WriteAllText(Path.Combine(folder, "plugin.json"), """{ "id": "broken", "version": "1", "kind": "source", "contract_version": "1.0", "assembly": "RecallHub.TestPlugins.dll" }""");

        using var catalog = Load(folders, """{ "plugins": [ { "id": "broken", "folder": "plugins/broken" } ] }""");

        var status = Assert.Single(catalog.Statuses);
        Assert.Equal(PluginState.Failed, status.State);
        Assert.Contains("$.version: '1' is not a version", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkFailed_KeepsThePluginListedWithTheReason()
    {
        using var folders = new PluginFolders();
        folders.AddPlugin("good", "good", "source");
        using var catalog = Load(folders, """{ "plugins": [ { "id": "good", "folder": "plugins/good" } ] }""");

        catalog.MarkFailed("good", "Setting 'file' of plugin 'good' is required.");

        Assert.Equal((PluginState.Failed, "Setting 'file' of plugin 'good' is required."), (catalog.Statuses[0].State, catalog.Statuses[0].Reason));
    }
}
