using System.CommandLine;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Host.Engine;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// Runs a command that changes the store through the hub's engine (the same handlers as the HTTP API), so that blocks
/// and sink events follow from it exactly as they would in the running hub.
/// </summary>
internal static class EngineAccess
{
    public static Option<string> CreatePluginsOption() => new("--plugins")
    {
        Description = "The plugins file, to know which sinks to write events for; without it, no sink gets events.",
        HelpName = "FILE",
        DefaultValueFactory = _ => PluginsCommand.DefaultConfig,
    };

    /// <summary>Opens the store and the engine, runs <paramref name="work"/> and returns its exit code.</summary>
    /// <returns>The work's exit code, or 1 after writing <c>recallhub COMMAND: message</c> when the configuration or the store fails.</returns>
    public static async Task<int> RunAsync(
        string databasePath,
        string pluginsPath,
        TimeProvider time,
        TextWriter error,
        string command,
        Func<IServiceProvider, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var sinks = HubSinks.None;
        if (File.Exists(pluginsPath))
        {
            try
            {
                sinks = ConfiguredSinks.Read(PluginsFile.Read(pluginsPath), out var warnings);
                foreach (string warning in warnings)
                {
                    await error.WriteLineAsync($"recallhub {command}: warning: {warning}").ConfigureAwait(false);
                }
            }
            catch (PluginsFileException e)
            {
                await error.WriteLineAsync($"recallhub {command}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        }

        try
        {
            await using var opened = await HubStoreOpener.OpenAsync(HubConfiguration.Load(), databasePath, time, cancellationToken).ConfigureAwait(false);
            await using var services = HubEngineServices.CreateForCommandLine(opened.Store, sinks, time);
            return await work(services).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"recallhub {command}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
