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

    /// <summary>
    /// Opens the store and the engine, finds the pharmacy scope (<see cref="CommandPharmacy"/>), runs
    /// <paramref name="work"/> and returns its exit code.
    /// </summary>
    /// <returns>
    /// The work's exit code, or 1 after writing <c>recallhub COMMAND: message</c> when the configuration or the store
    /// fails, or <see cref="RecallHubCommandLine.UsageError"/> when <c>--pharmacy</c> is missing or wrong.
    /// </returns>
    public static async Task<int> RunAsync(
        string databasePath,
        string? pharmacy,
        bool shared,
        string pluginsPath,
        TimeProvider time,
        TextWriter error,
        string command,
        Func<IServiceProvider, PharmacyScope, Task<int>> work,
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
            var configuration = HubConfiguration.Load();
            await using var opened = await HubStoreOpener.OpenAsync(configuration, databasePath, time, cancellationToken).ConfigureAwait(false);
            var (scope, _, exit) = await CommandPharmacy.ResolveAsync(configuration, opened.Store, pharmacy, shared, error, command).ConfigureAwait(false);
            if (scope is null)
            {
                return exit;
            }

            await using var services = HubEngineServices.CreateForCommandLine(opened.Store, sinks, time);
            return await work(services, scope.Value).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"recallhub {command}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
