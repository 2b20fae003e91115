using System.Security.Cryptography;

namespace RecallHub.Host.Tests.Support;

/// <summary>
/// A temporary folder laid out like a deployment: <c>plugins.json</c> and one folder per plugin holding the real
/// fixture assembly (tests/RecallHub.TestPlugins) and a manifest written by the test, or a real source plugin.
/// </summary>
internal sealed class PluginFolders : IDisposable
{
    public const string Assembly = "RecallHub.TestPlugins.dll";

    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "test-plugins");

    public PluginFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PluginsJson => Path.Combine(Root, "plugins.json");

    public static string FixtureSha256 => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Fixture, Assembly))));

    /// <summary>Publishes the fixture into <c>plugins/{folder}</c> with a manifest.</summary>
    public string AddPlugin(string folder, string id, string kind, string contractVersion = "1.0", string assembly = Assembly)
    {
        string target = Path.Combine(Root, "plugins", folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Fixture))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(target, "plugin.json"), $$"""
            { "id": "{{id}}", "version": "1.0.0", "kind": "{{kind}}", "contract_version": "{{contractVersion}}", "assembly": "{{assembly}}" }
            """);
        return target;
    }

    /// <summary>
    /// Publishes a real plugin of the repository — its build output, laid out by the test project in
    /// <c>plugins/{id}</c> with its own manifest — into <c>plugins/{id}</c>.
    /// </summary>
    public string AddBuiltPlugin(string id)
    {
        string built = Path.Combine(AppContext.BaseDirectory, "plugins", id);
        string target = Path.Combine(Root, "plugins", id);
        foreach (var file in Directory.GetFiles(built, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }

        return target;
    }

    public void WritePluginsJson(string json) => File.WriteAllText(PluginsJson, json);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A plugin assembly may still be mapped on some systems; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
