using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.AclSante.Tests;

public sealed class PluginManifestFileTests
{
    [Fact]
    public void PluginJson_IsCopiedBesideTheAssemblyAndNamesIt()
    {
        string folder = Path.GetDirectoryName(typeof(AclSanteSource).Assembly.Location)!;
        string path = Path.Combine(folder, PluginManifest.FileName);

        var manifest = PluginManifest.Read(File.ReadAllText(path), path);

        Assert.Equal(("acl-sante", PluginKind.Source, "RecallHub.Sources.AclSante.dll"), (manifest.Id, manifest.Kind, manifest.Assembly));
        Assert.True(PluginContract.IsCompatible(manifest.ContractVersion));
        var settings = manifest.SettingsSchema!.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["base_url", "token", "token_header", "token_scheme", "page_size", "max_pages", "overlap", "first_load_since", "max_attempts", "retry_delay", "format", "fields"], settings);
    }
}
