using RecallHub.Core.Storage;
using RecallHub.Host.Engine;

namespace RecallHub.Host.CommandLine;

/// <summary>Runs a command's work in a session on the hub's store, reporting store failures the same way everywhere.</summary>
internal static class StoreAccess
{
    /// <summary>Opens the store (migrating it), opens a session, runs <paramref name="work"/> and returns its exit code.</summary>
    /// <returns>The work's exit code, or 1 after writing <c>recallhub COMMAND: message</c> when the store fails.</returns>
    public static async Task<int> RunAsync(
        string databasePath,
        TimeProvider time,
        TextWriter error,
        string command,
        Func<IStoreSession, Task<int>> work,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var opened = await HubStoreOpener.OpenAsync(HubConfiguration.Load(), databasePath, time, cancellationToken).ConfigureAwait(false);
            await using var session = await opened.Store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
            return await work(session).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"recallhub {command}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
