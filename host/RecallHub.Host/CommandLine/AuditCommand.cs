using System.CommandLine;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub audit verify [--database FILE] [--pharmacy FINESS]</c>: recomputes the audit log's hash chain (a
/// pharmacy's own, in a multi-pharmacy hub). Exit 0 when every entry
/// matches, 1 with the first broken entry when one does not (or the store cannot be read).
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TimeProvider time)
    {
        var database = DatabaseOption.Create();
        var pharmacy = PharmacyOption.Create("whose audit log to verify");
        var verify = new Command("verify", "Recompute the audit log's hash chain and report the first broken entry.") { database, pharmacy };
        verify.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            return await StoreAccess.RunAsync(result.GetValue(database)!, result.GetValue(pharmacy), shared: false, time, error, "audit verify", async session =>
            {
                var verification = await session.Audit.VerifyAsync(cancellationToken).ConfigureAwait(false);
                if (!verification.IsIntact)
                {
                    await error.WriteLineAsync($"BROKEN at entry {verification.FirstBrokenId}: {verification.Problem}.").ConfigureAwait(false);
                    await error.WriteLineAsync($"{verification.EntriesChecked - 1} entr{(verification.EntriesChecked == 2 ? "y" : "ies")} before it are intact.").ConfigureAwait(false);
                    return 1;
                }

                // The last hash, to note elsewhere: the chain alone cannot tell that its newest entries were cut off.
                var last = await session.Audit.ListRecentAsync(new Core.Storage.Paging(0, 1), cancellationToken: cancellationToken).ConfigureAwait(false);
                string tail = last.Items is [var newest] ? $"; last entry {newest.Id}, hash {newest.Hash}" : "";
                await output.WriteLineAsync($"OK: {verification.EntriesChecked} audit entr{(verification.EntriesChecked == 1 ? "y" : "ies")} verified{tail}.").ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return new Command("audit", "The audit log: who did what, when.") { verify };
    }
}
