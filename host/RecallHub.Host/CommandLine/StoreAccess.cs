using RecallHub.Core.Storage;
using RecallHub.Host.Engine;

namespace RecallHub.Host.CommandLine;

/// <summary>Runs a command's work in a session on the hub's store, reporting store failures the same way everywhere.</summary>
internal static class StoreAccess
{
    /// <summary>
    /// Opens the store (migrating it), opens a session for the pharmacy <paramref name="pharmacy"/> names, runs
    /// <paramref name="work"/> and returns its exit code.
    /// </summary>
    /// <param name="databasePath">The SQLite file, when no PostgreSQL store is configured.</param>
    /// <param name="pharmacy">What <c>--pharmacy</c> says, or <see langword="null"/>.</param>
    /// <param name="shared">
    /// The work reads only what every pharmacy shares (recalls) when no pharmacy is named: the session is then for all
    /// pharmacies instead of requiring <c>--pharmacy</c> in a multi-pharmacy hub.
    /// </param>
    /// <param name="time">The hub's clock.</param>
    /// <param name="error">Where failures are written.</param>
    /// <param name="command">The command's name, for messages.</param>
    /// <param name="work">The work, given the session.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// The work's exit code; 1 after writing <c>recallhub COMMAND: message</c> when the store or the configuration
    /// fails; <see cref="RecallHubCommandLine.UsageError"/> when <c>--pharmacy</c> is missing or names no pharmacy of the hub.
    /// </returns>
    public static async Task<int> RunAsync(
        string databasePath,
        string? pharmacy,
        bool shared,
        TimeProvider time,
        TextWriter error,
        string command,
        Func<IStoreSession, Task<int>> work,
        CancellationToken cancellationToken)
    {
        try
        {
            var configuration = HubConfiguration.Load();
            await using var opened = await HubStoreOpener.OpenAsync(configuration, databasePath, time, cancellationToken).ConfigureAwait(false);
            var (scope, _, exit) = await CommandPharmacy.ResolveAsync(configuration, opened.Store, pharmacy, shared, error, command).ConfigureAwait(false);
            if (scope is null)
            {
                return exit;
            }

            await using var session = await opened.Store.OpenSessionAsync(scope.Value, cancellationToken).ConfigureAwait(false);
            return await work(session).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"recallhub {command}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
