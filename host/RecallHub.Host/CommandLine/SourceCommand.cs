using System.CommandLine;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub source parse PLUGIN-ID FILE [--json] [--config plugins.json]</c>: runs one source plugin's parser on a
/// saved payload and prints the normalised notices — for plugin authors and tests; no network, no store.
/// </summary>
internal static class SourceCommand
{
    public static Command Create()
    {
        var pluginId = new Argument<string>("PLUGIN-ID") { Description = "The source plugin's id in plugins.json." };
        var file = new Argument<FileInfo>("FILE") { Description = "A saved payload (HTML page, JSON export…)." };
        var json = new Option<bool>("--json") { Description = "Write each notice as one line of JSON (docs/notices.md)." };
        var config = new Option<string>("--config")
        {
            Description = "The plugins file.",
            HelpName = "FILE",
            DefaultValueFactory = _ => PluginsCommand.DefaultConfig,
        };
        var parse = new Command("parse", "Parse a saved payload with a source plugin and print the notices.") { pluginId, file, json, config };
        parse.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            string id = result.GetValue(pluginId)!;
            var payloadFile = result.GetValue(file)!;
            if (!payloadFile.Exists)
            {
                await error.WriteLineAsync($"recallhub source parse: file '{payloadFile.FullName}' does not exist.").ConfigureAwait(false);
                return 1;
            }

            PluginsFile plugins;
            try
            {
                plugins = PluginsFile.Read(result.GetValue(config) ?? PluginsCommand.DefaultConfig);
            }
            catch (PluginsFileException e)
            {
                await error.WriteLineAsync($"recallhub source parse: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            using var catalog = PluginCatalog.Load(plugins with { Plugins = [.. plugins.Plugins.Where(p => p.Id == id).Select(p => p with { Enabled = true })] });
            var status = catalog.Statuses.SingleOrDefault();
            string? problem = status switch
            {
                null => $"no plugin '{id}' is listed in {plugins.Path}.",
                { State: PluginState.Failed } => $"plugin '{id}' failed to load: {status.Reason}",
                _ when catalog.Loaded[0].Instance is not IRecallSource => $"plugin '{id}' is a sink, not a source.",
                _ => null,
            };
            if (problem is not null)
            {
                await error.WriteLineAsync($"recallhub source parse: {problem}").ConfigureAwait(false);
                return 1;
            }

            var source = (IRecallSource)catalog.Loaded[0].Instance;
            IReadOnlyList<RecallNotice> notices;
            try
            {
                string content = await File.ReadAllTextAsync(payloadFile.FullName, cancellationToken).ConfigureAwait(false);
                notices = source.Parse(new SourcePayload(content, ContentTypeOf(payloadFile.Extension)));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                await error.WriteLineAsync($"recallhub source parse: {payloadFile.Name}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            foreach (var notice in notices)
            {
                string line = result.GetValue(json)
                    ? RecallNoticeJson.Serialize(notice)
                    : $"{notice.Source}/{notice.SourceId} v{notice.Version} {notice.Kind}: {notice.Title} ({notice.Products.Count} product(s){(notice.IsLowConfidence ? ", low confidence" : "")})";
                await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            if (!result.GetValue(json))
            {
                await output.WriteLineAsync($"{notices.Count} notice(s) from {payloadFile.Name}.").ConfigureAwait(false);
            }

            return 0;
        });
        return new Command("source", "Work with source plugins.") { parse };
    }

    private static string? ContentTypeOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html",
        ".json" => "application/json",
        ".xml" or ".rss" => "application/xml",
        ".csv" => "text/csv",
        _ => null,
    };
}
