using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.RappelConso.Tests;

public sealed class PluginManifestFileTests
{
    [Fact]
    public void PluginJson_IsCopiedBesideTheAssemblyAndNamesIt()
    {
        string path = Path.Combine(Path.GetDirectoryName(typeof(RappelConsoSource).Assembly.Location)!, PluginManifest.FileName);

        var manifest = PluginManifest.Read(File.ReadAllText(path), path);

        Assert.Equal(("rappelconso", PluginKind.Source, "RecallHub.Sources.RappelConso.dll"), (manifest.Id, manifest.Kind, manifest.Assembly));
        Assert.True(PluginContract.IsCompatible(manifest.ContractVersion));
        var settings = manifest.SettingsSchema!.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["base_url", "dataset", "overlap", "page_size", "first_load_since", "categories", "always_keep_gtins", "max_attempts", "retry_delay"], settings);
    }
}
