using System.Text.Json;
using System.Text.RegularExpressions;
using Quartz;

namespace RecallHub.Host.Plugins;

/// <summary><c>plugins.json</c>: which plugins the host loads, from where, on which schedule, with which settings.</summary>
internal sealed partial record PluginsFile(string Path, IReadOnlyList<PluginEntry> Plugins)
{
    /// <summary>The folder that relative plugin folders are resolved against.</summary>
    public string BaseDirectory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>Reads and checks <c>plugins.json</c>.</summary>
    /// <exception cref="PluginsFileException">The file is missing, malformed or breaks a rule; the message says where.</exception>
    public static PluginsFile Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PluginsFileException($"{path}: cannot be read: {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Checks <c>plugins.json</c>'s content.</summary>
    /// <exception cref="PluginsFileException">Malformed or breaks a rule; the message says where.</exception>
    public static PluginsFile Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new PluginsFileException($"{path}: line {e.LineNumber + 1}: {e.Message.Split(" LineNumber:")[0]}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("plugins", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new PluginsFileException($"{path}: expected an object with a \"plugins\" array.");
            }

            var problems = new List<string>();
            var entries = new List<PluginEntry>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            int index = 0;
            foreach (var item in list.EnumerateArray())
            {
                string at = $"$.plugins[{index++}]";
                var entry = ReadEntry(item, at, problems);
                if (entry is null)
                {
                    continue;
                }

                if (!ids.Add(entry.Id))
                {
                    problems.Add($"{at}.id: '{entry.Id}' is listed twice");
                }

                entries.Add(entry);
            }

            return problems.Count == 0
                ? new PluginsFile(path, entries)
                : throw new PluginsFileException($"{path}: {string.Join("; ", problems)}.");
        }
    }

    private static PluginEntry? ReadEntry(JsonElement item, string at, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: expected an object");
            return null;
        }

        foreach (var member in item.EnumerateObject())
        {
            if (member.Name is not ("id" or "folder" or "enabled" or "schedule" or "settings" or "sha256" or "host"))
            {
                problems.Add($"{at}.{member.Name}: unknown member (expected id, folder, enabled, schedule, settings, sha256, host)");
            }
        }

        string? id = String(item, "id", at, problems, required: true);
        string? folder = String(item, "folder", at, problems, required: true);
        string? schedule = String(item, "schedule", at, problems, required: false);
        string? sha256 = String(item, "sha256", at, problems, required: false);
        string? host = String(item, "host", at, problems, required: false);
        if (host is not null && schedule is not null)
        {
            // Every host of a cluster may fire a schedule: a pull cannot be pinned to one of them.
            problems.Add($"{at}.host: only a sink can be pinned to one host; a scheduled source is pulled by whichever host the schedule fires on");
        }
        bool enabled = true;
        if (item.TryGetProperty("enabled", out var enabledValue))
        {
            if (enabledValue.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                enabled = enabledValue.GetBoolean();
            }
            else
            {
                problems.Add($"{at}.enabled: must be true or false");
            }
        }

        var settings = item.TryGetProperty("settings", out var settingsValue) ? settingsValue.Clone() : default;
        if (settings.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object or JsonValueKind.Null))
        {
            problems.Add($"{at}.settings: must be an object");
        }

        if (id is not null && !IdPattern().IsMatch(id))
        {
            problems.Add($"{at}.id: '{id}' is not a plugin id (lower-case letters, digits and '-')");
        }

        if (schedule is not null && CronProblem(schedule) is { } cron)
        {
            problems.Add($"{at}.schedule: '{schedule}' is not a cron expression ({cron}; Quartz syntax, seconds first: \"0 0/30 * * * ?\" is every 30 minutes)");
        }

        if (sha256 is not null && !Sha256Pattern().IsMatch(sha256))
        {
            problems.Add($"{at}.sha256: must be 64 hexadecimal characters");
        }

        return id is null || folder is null ? null : new PluginEntry(id, folder, enabled, schedule, settings, sha256?.ToLowerInvariant()) { Host = host };
    }

    private static string? CronProblem(string schedule)
    {
        try
        {
            _ = new CronExpression(schedule);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message.TrimEnd('.');
        }
    }

    private static string? String(JsonElement item, string name, string at, List<string> problems, bool required)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{at}.{name}: is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{at}.{name}: must be a non-empty string");
            return null;
        }

        return value.GetString();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
