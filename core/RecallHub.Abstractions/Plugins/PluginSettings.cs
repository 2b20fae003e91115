using System.Globalization;
using System.Text.Json;

namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// A plugin's settings: the <c>settings</c> object of its entry in <c>plugins.json</c>, with typed getters whose
/// errors name the plugin, the setting and what is expected.
/// </summary>
/// <remarks>
/// Secrets (passwords, tokens, certificate passwords) do not belong in <c>plugins.json</c>: write
/// <c>"env:VARIABLE_NAME"</c> there and read the value with <see cref="GetSecret"/>, which takes it from that
/// environment variable.
/// </remarks>
public sealed class PluginSettings
{
    private const string EnvironmentPrefix = "env:";

    private readonly JsonElement _settings;
    private readonly Func<string, string?> _environment;

    /// <summary>Wraps a settings object.</summary>
    /// <param name="pluginId">The plugin's id, for messages.</param>
    /// <param name="settings">A JSON object (or undefined/null for no settings).</param>
    /// <param name="environment">Reads environment variables; <see cref="Environment.GetEnvironmentVariable(string)"/> when <see langword="null"/>.</param>
    /// <exception cref="PluginConfigurationException"><paramref name="settings"/> is not an object.</exception>
    public PluginSettings(string pluginId, JsonElement settings, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(pluginId);
        PluginId = pluginId;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _settings = settings.ValueKind switch
        {
            JsonValueKind.Object => settings.Clone(),
            JsonValueKind.Undefined or JsonValueKind.Null => default,
            _ => throw new PluginConfigurationException($"The settings of plugin '{pluginId}' must be a JSON object, not {Describe(settings.ValueKind)}."),
        };
    }

    /// <summary>The plugin these settings belong to.</summary>
    public string PluginId { get; }

    /// <summary>Settings with nothing set.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    public static PluginSettings Empty(string pluginId) => new(pluginId, default);

    /// <summary><see langword="true"/> when <paramref name="name"/> is set (to anything but <c>null</c>).</summary>
    /// <param name="name">The setting's name.</param>
    public bool Contains(string name) => TryGet(name, out _);

    /// <summary>A required string setting.</summary>
    /// <param name="name">The setting's name.</param>
    /// <exception cref="PluginConfigurationException">Missing, or not a non-empty string.</exception>
    public string GetString(string name) =>
        TryGet(name, out var value) ? AsString(name, value) : throw Missing(name, "a string");

    /// <summary>An optional string setting.</summary>
    /// <param name="name">The setting's name.</param>
    /// <param name="defaultValue">The value when the setting is missing.</param>
    /// <exception cref="PluginConfigurationException">Set, but not a non-empty string.</exception>
    public string? GetString(string name, string? defaultValue) =>
        TryGet(name, out var value) ? AsString(name, value) : defaultValue;

    /// <summary>A required whole-number setting.</summary>
    /// <param name="name">The setting's name.</param>
    /// <exception cref="PluginConfigurationException">Missing, or not a whole number.</exception>
    public int GetInt32(string name) =>
        TryGet(name, out var value) ? AsInt32(name, value) : throw Missing(name, "a whole number");

    /// <summary>An optional whole-number setting.</summary>
    /// <param name="name">The setting's name.</param>
    /// <param name="defaultValue">The value when the setting is missing.</param>
    /// <exception cref="PluginConfigurationException">Set, but not a whole number.</exception>
    public int GetInt32(string name, int defaultValue) =>
        TryGet(name, out var value) ? AsInt32(name, value) : defaultValue;

    /// <summary>An optional true/false setting.</summary>
    /// <param name="name">The setting's name.</param>
    /// <param name="defaultValue">The value when the setting is missing.</param>
    /// <exception cref="PluginConfigurationException">Set, but not <c>true</c> or <c>false</c>.</exception>
    public bool GetBoolean(string name, bool defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, value, "true or false"),
        };
    }

    /// <summary>
    /// An optional duration: a number of seconds (<c>2.5</c>), a time span (<c>"00:00:02"</c>) or ISO 8601
    /// (<c>"PT2S"</c>).
    /// </summary>
    /// <param name="name">The setting's name.</param>
    /// <param name="defaultValue">The value when the setting is missing.</param>
    /// <exception cref="PluginConfigurationException">Set, but not a non-negative duration.</exception>
    public TimeSpan GetDuration(string name, TimeSpan defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        TimeSpan? duration = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out double seconds) && seconds is >= 0 and < 1e9 => TimeSpan.FromSeconds(seconds),
            JsonValueKind.String => ParseDuration(value.GetString()!),
            _ => null,
        };
        return duration is { } d && d >= TimeSpan.Zero
            ? d
            : throw Wrong(name, value, "a duration: seconds (2.5), \"00:00:02\" or \"PT2S\"");
    }

    /// <summary>A required absolute http(s) URL.</summary>
    /// <param name="name">The setting's name.</param>
    /// <exception cref="PluginConfigurationException">Missing, or not an absolute http(s) URL.</exception>
    public Uri GetUri(string name)
    {
        string text = GetString(name);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new PluginConfigurationException($"Setting '{name}' of plugin '{PluginId}' must be an absolute http(s) URL, not '{text}'.");
    }

    /// <summary>An optional list of strings; empty when missing.</summary>
    /// <param name="name">The setting's name.</param>
    /// <exception cref="PluginConfigurationException">Set, but not an array of strings.</exception>
    public IReadOnlyList<string> GetStrings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, value, "an array of strings");
        }

        var list = new List<string>(value.GetArrayLength());
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new PluginConfigurationException($"Setting '{name}[{index}]' of plugin '{PluginId}' must be a string, not {Describe(item.ValueKind)}."));
            index++;
        }

        return list;
    }

    /// <summary>
    /// A required secret: the setting holds <c>"env:NAME"</c> and the value is read from environment variable
    /// <c>NAME</c>. A literal value is accepted too, but keeps the secret in <c>plugins.json</c>.
    /// </summary>
    /// <param name="name">The setting's name.</param>
    /// <exception cref="PluginConfigurationException">Missing, or the environment variable is not set.</exception>
    public string GetSecret(string name)
    {
        string text = GetString(name);
        if (!text.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            return text;
        }

        string variable = text[EnvironmentPrefix.Length..];
        string? secret = _environment(variable);
        return string.IsNullOrEmpty(secret)
            ? throw new PluginConfigurationException($"Setting '{name}' of plugin '{PluginId}' reads environment variable '{variable}', which is not set.")
            : secret;
    }

    /// <summary>The settings object as JSON, for plugins that bind it themselves.</summary>
    public JsonElement AsJson() => _settings;

    private bool TryGet(string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        value = default;
        return _settings.ValueKind == JsonValueKind.Object
            && _settings.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null;
    }

    private string AsString(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Wrong(name, value, "a non-empty string");

    private int AsInt32(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : throw Wrong(name, value, "a whole number");

    private static TimeSpan? ParseDuration(string text)
    {
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        try
        {
            return text.StartsWith('P') ? System.Xml.XmlConvert.ToTimeSpan(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private PluginConfigurationException Missing(string name, string expected) =>
        new($"Setting '{name}' of plugin '{PluginId}' is required: set it to {expected} in the plugin's \"settings\" in plugins.json.");

    private PluginConfigurationException Wrong(string name, JsonElement value, string expected) =>
        new($"Setting '{name}' of plugin '{PluginId}' must be {expected}, not {Describe(value)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => Describe(value.ValueKind),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
