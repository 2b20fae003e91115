using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.CommandLine;

/// <summary><c>recallhub plugins [--config FILE] [--json]</c>: loads the listed plugins and says how each one stands.</summary>
internal static class PluginsCommand
{
    public const string DefaultConfig = "plugins.json";

    public static Command Create()
    {
        var config = new Option<string>("--config")
        {
            Description = "The plugins file.",
            HelpName = "FILE",
            DefaultValueFactory = _ => DefaultConfig,
        };
        var json = new Option<bool>("--json") { Description = "One JSON object per plugin." };
        var command = new Command("plugins", "Load the plugins listed in plugins.json and show each one's state; exit 1 if any failed.")
        {
            config,
            json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            PluginsFile file;
            try
            {
                file = PluginsFile.Read(result.GetValue(config) ?? DefaultConfig);
            }
            catch (PluginsFileException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub plugins: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            using var catalog = PluginCatalog.Load(file);
            if (catalog.Statuses.Count == 0 && !result.GetValue(json))
            {
                await output.WriteLineAsync($"No plugin is listed in {file.Path}.").ConfigureAwait(false);
            }

            foreach (var status in catalog.Statuses)
            {
                string line = result.GetValue(json) ? ToJson(status) : ToText(status);
                await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return catalog.Statuses.Any(s => s.State == PluginState.Failed) ? 1 : 0;
        });
        return command;
    }

    private static string ToText(PluginStatus status)
    {
        string state = status.State.ToString().ToLowerInvariant();
        string kind = status.Kind?.ToString().ToLowerInvariant() ?? "?";
        string text = $"{status.Id,-20} {state,-8} {kind,-6} {status.Version ?? "-",-10} {status.Folder}";
        return status.Reason is null ? text : $"{text}\n    {status.Reason}";
    }

    private static string ToJson(PluginStatus status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", status.Id);
            writer.WriteString("state", status.State.ToString().ToLowerInvariant());
            writer.WriteString("kind", status.Kind?.ToString().ToLowerInvariant());
            writer.WriteString("version", status.Version);
            writer.WriteString("folder", status.Folder);
            writer.WriteString("reason", status.Reason);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
