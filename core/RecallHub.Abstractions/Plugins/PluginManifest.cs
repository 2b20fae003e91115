using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// What a plugin says about itself in the <c>plugin.json</c> file next to its assembly: its id, version, kind, the
/// contract version it was built against and the settings it takes.
/// </summary>
public sealed partial record PluginManifest
{
    /// <summary>The file name the host looks for in each plugin folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>The plugin's id: lower-case letters, digits and <c>-</c>, such as <c>ansm</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin's own version, <c>major.minor.patch</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Source or sink.</summary>
    public PluginKind Kind { get; init; }

    /// <summary>The <see cref="PluginContract.Version"/> the plugin was built against.</summary>
    public required string ContractVersion { get; init; }

    /// <summary>The file name of the plugin's main assembly in its folder, such as <c>RecallHub.Sources.Ansm.dll</c>.</summary>
    public required string Assembly { get; init; }

    /// <summary>What the plugin does, for <c>recallhub plugins</c>.</summary>
    public string? Description { get; init; }

    /// <summary>A JSON Schema (object with <c>properties</c>) describing the plugin's settings, for people and tools.</summary>
    public JsonElement? SettingsSchema { get; init; }

    /// <summary>Reads and checks a manifest.</summary>
    /// <param name="json">The content of <c>plugin.json</c>.</param>
    /// <param name="source">Where it was read from, for messages.</param>
    /// <exception cref="PluginConfigurationException">Malformed JSON or a broken rule; the message says which member and why.</exception>
    public static PluginManifest Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, PluginJsonContext.Default.PluginManifest);
        }
        catch (JsonException e)
        {
            throw new PluginConfigurationException($"{source}: {e.Path ?? "$"}: {e.Message.Split(" Path:")[0].Replace("RecallHub.Abstractions.Plugins.", "", StringComparison.Ordinal)}", e);
        }

        if (manifest is null)
        {
            throw new PluginConfigurationException($"{source}: expected a manifest object, found null.");
        }

        var problems = new List<string>();
        if (!IdPattern().IsMatch(manifest.Id))
        {
            problems.Add($"$.id: '{manifest.Id}' is not a plugin id (lower-case letters, digits and '-', starting with a letter or digit)");
        }

        if (!VersionPattern().IsMatch(manifest.Version))
        {
            problems.Add($"$.version: '{manifest.Version}' is not a version (major.minor.patch, e.g. 1.2.0)");
        }

        if (!System.Version.TryParse(manifest.ContractVersion, out _))
        {
            problems.Add($"$.contract_version: '{manifest.ContractVersion}' is not a contract version (major.minor, e.g. {PluginContract.Version})");
        }

        if (!manifest.Assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || manifest.Assembly.IndexOfAny(['/', '\\']) >= 0)
        {
            problems.Add($"$.assembly: '{manifest.Assembly}' must be the file name of a .dll in the plugin's folder, without a path");
        }

        if (manifest.SettingsSchema is { ValueKind: not JsonValueKind.Object })
        {
            problems.Add("$.settings_schema: must be a JSON Schema object");
        }

        return problems.Count == 0
            ? manifest
            : throw new PluginConfigurationException($"{source}: {string.Join("; ", problems)}.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();
}
