using System.CommandLine;
using RecallHub.Core.Storage;
using RecallHub.Host.Engine;
using RecallHub.Host.Plugins;
using RecallHub.Host.Web;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub run</c>: the whole hub — HTTP API, plugins started, sources pulled on their schedules, sinks fed from
/// the outbox. <c>recallhub serve</c>: the HTTP API alone, for a second host beside the one that runs.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Loopback by default: the hub holds pharmacy data and is exposed on purpose, behind a proxy.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command CreateRun() =>
        Create("run", "Run the hub: HTTP API, sources pulled on their schedules, events delivered to the sinks.", runPlugins: true);

    public static Command CreateServe() =>
        Create("serve", "Serve the HTTP API only (no plugin is started, nothing is pulled or delivered): a second host beside 'run'.", runPlugins: false);

    private static Command Create(string name, string description, bool runPlugins)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ';'-separated.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var config = new Option<string>("--plugins")
        {
            Description = "The plugins file; when it does not exist the hub runs without plugins.",
            HelpName = "FILE",
            DefaultValueFactory = _ => PluginsCommand.DefaultConfig,
        };
        var database = DatabaseOption.Create();
        var command = new Command(name, description) { urls, config, database };
        command.SetAction(async (result, cancellationToken) =>
        {
            string pluginsPath = result.GetValue(config) ?? PluginsCommand.DefaultConfig;
            PluginCatalog? catalog = null;
            if (File.Exists(pluginsPath))
            {
                try
                {
                    catalog = PluginCatalog.Load(PluginsFile.Read(pluginsPath));
                }
                catch (PluginsFileException e)
                {
                    // A broken plugins.json is a configuration error to fix before starting, not a plugin failure.
                    await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub {name}: {e.Message}").ConfigureAwait(false);
                    return 1;
                }

                foreach (var failed in catalog.Statuses.Where(s => s.State == PluginState.Failed))
                {
                    await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub {name}: plugin '{failed.Id}' failed: {failed.Reason}").ConfigureAwait(false);
                }
            }

            using var plugins = catalog;
            OpenedHubStore opened;
            try
            {
                opened = await HubStoreOpener.OpenAsync(HubConfiguration.Load(), result.GetValue(database)!, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub {name}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            await using var hubStore = opened;
            WebApplication app;
            try
            {
                app = HubWebApplication.Build(result.GetValue(urls) ?? DefaultUrls, TimeProvider.System, catalog, store: opened.Store, runPlugins: runPlugins);
            }
            catch (InvalidOperationException e)
            {
                // A wrong setting (an API key, the pharmacies…) stops the start with the setting named.
                await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub {name}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string running = !runPlugins ? "API only, no plugin started"
                : catalog is null ? $"no plugins: {pluginsPath} does not exist"
                : $"{catalog.Statuses.Count(s => s.State == PluginState.Loaded)} plugins running, {catalog.Statuses.Count(s => s.State == PluginState.Failed)} failed";
            await result.InvocationConfiguration.Output.WriteLineAsync(
                $"RecallHub is listening on {string.Join(", ", app.Urls)} (health: {app.Urls.First()}/health; {running}; data: {opened.Description}). Press Ctrl+C to stop.").ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
