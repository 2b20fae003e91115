using RecallHub.Core.Storage;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.CommandLine;

/// <summary>Finds the session scope a command works in, from the hub's pharmacies and its <c>--pharmacy</c> option.</summary>
internal static class CommandPharmacy
{
    /// <summary>Reads the hub's pharmacies and the scope <paramref name="pharmacy"/> names.</summary>
    /// <param name="configuration">The hub's settings.</param>
    /// <param name="store">The opened store.</param>
    /// <param name="pharmacy">What <c>--pharmacy</c> says, or <see langword="null"/>.</param>
    /// <param name="shared">
    /// Without <c>--pharmacy</c>, work in the all-pharmacies scope rather than requiring one in a multi-pharmacy hub: for
    /// commands that then read only what pharmacies share (recalls, notices).
    /// </param>
    /// <param name="error">Where a problem is written, as <c>recallhub COMMAND: message</c>.</param>
    /// <param name="command">The command's name.</param>
    /// <returns>
    /// The scope and the hub's pharmacies, or no scope and the exit code: 1 for a wrong setting,
    /// <see cref="RecallHubCommandLine.UsageError"/> for a missing or wrong <c>--pharmacy</c>.
    /// </returns>
    public static async Task<(PharmacyScope? Scope, HubTenancy? Tenancy, int Exit)> ResolveAsync(
        IConfiguration configuration, IRecallHubStore store, string? pharmacy, bool shared, TextWriter error, string command)
    {
        HubTenancy tenancy;
        try
        {
            tenancy = HubTenancy.Read(configuration, store.IsMultiPharmacy);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"recallhub {command}: {e.Message}").ConfigureAwait(false);
            return (null, null, 1);
        }

        if (pharmacy is null && shared)
        {
            return (PharmacyScope.All, tenancy, 0);
        }

        try
        {
            return (tenancy.ScopeOfOption(pharmacy), tenancy, 0);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"recallhub {command}: {e.Message}").ConfigureAwait(false);
            return (null, tenancy, RecallHubCommandLine.UsageError);
        }
    }
}
