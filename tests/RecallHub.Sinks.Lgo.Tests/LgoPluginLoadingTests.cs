using System.Diagnostics;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Lgo.Tests.Support;

namespace RecallHub.Sinks.Lgo.Tests;

public sealed class LgoPluginLoadingTests
{
    private static readonly string PluginFolder = Path.Combine(AppContext.BaseDirectory, "lgo-plugin");

    [Fact]
    public void TheManifest_IsValid_AndNamesTheSink()
    {
        var manifest = PluginManifest.Read(File.ReadAllText(Path.Combine(PluginFolder, PluginManifest.FileName)), "plugin.json");

        Assert.Equal(("lgo", PluginKind.Sink, "RecallHub.Sinks.Lgo.dll"), (manifest.Id, manifest.Kind, manifest.Assembly));
        Assert.True(PluginContract.IsCompatible(manifest.ContractVersion));
        var properties = manifest.SettingsSchema!.Value.GetProperty("properties");
        Assert.All(
            ["webhook_url", "webhook_secret", "webhook_events", "webhook_timeout", "webhook_tries_per_delivery", "webhook_retry_delay", "dead_letter_after", "dead_letter_file", "file_drop_folder"],
            name => Assert.True(properties.TryGetProperty(name, out _), name));
    }

    [Fact]
    public void ThePluginFolder_DoesNotShipItsOwnCopyOfTheContract()
    {
        Assert.True(File.Exists(Path.Combine(PluginFolder, "RecallHub.Sinks.Lgo.dll")));
        Assert.False(File.Exists(Path.Combine(PluginFolder, "RecallHub.Abstractions.dll")));
    }

    [Fact]
    public async Task RecallhubPlugins_LoadsIt()
    {
        using var root = new TempFolder();
        string pluginsJson = root.File("plugins.json");
        await File.WriteAllTextAsync(pluginsJson, $$"""
            { "plugins": [ { "id": "lgo", "folder": {{JsonSerializer.Serialize(PluginFolder)}}, "settings": { "file_drop_folder": "drop" } } ] }
            """, TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.Path };
        foreach (string argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "recallhub.dll"), "plugins", "--config", pluginsJson, "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        string error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output} {error}");
        Assert.Contains("\"lgo\"", output, StringComparison.Ordinal);
        Assert.Contains("loaded", output, StringComparison.Ordinal);
    }
}
