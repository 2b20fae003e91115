using System.CommandLine;
using System.Globalization;
using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub recalls [--source ID] [--limit N] [--database FILE] [--pharmacy FINESS]</c>: the stored recalls, newest
/// first; with <c>--pharmacy</c>, how many of that pharmacy's packs each one blocks.
/// </summary>
internal static class RecallsCommand
{
    public static Command Create(TimeProvider time)
    {
        var source = new Option<string?>("--source") { Description = "Only recalls from this source plugin." };
        var limit = new Option<int>("--limit") { Description = "How many recalls to list (1–1000).", DefaultValueFactory = _ => 50 };
        var database = DatabaseOption.Create();
        var pharmacy = PharmacyOption.Create("add how many of its packs each recall blocks");
        var command = new Command("recalls", "List the stored recalls, newest first.") { source, limit, database, pharmacy };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            int count = result.GetValue(limit);
            if (count is < 1 or > 1000)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub recalls: --limit must be between 1 and 1000, not {count}.").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            return await StoreAccess.RunAsync(result.GetValue(database)!, result.GetValue(pharmacy), shared: true, time, result.InvocationConfiguration.Error, "recalls", async session =>
            {
                var page = await session.Recalls.ListAsync(RecallFilter.All with { Source = result.GetValue(source) }, new Paging(0, count), cancellationToken).ConfigureAwait(false);
                foreach (var recall in page.Items)
                {
                    string published = recall.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    string alert = recall.AlertNumber is null ? "" : $" [{recall.AlertNumber}]";

                    // Recalls are shared; the blocks are the named pharmacy's, and shown only when one is named.
                    string blocked = "";
                    if (result.GetValue(pharmacy) is not null)
                    {
                        var active = await session.Blocks.ListAsync(new BlockFilter { RecallId = recall.Id, Active = true }, new Paging(0, 1), cancellationToken).ConfigureAwait(false);
                        blocked = $"  {active.Total} blocked";
                    }

                    await output.WriteLineAsync(
                        $"{recall.Id,6}  {published}  {recall.Status.ToString().ToLowerInvariant(),-6}  {string.Join(",", recall.Sources)}  {recall.Title}{alert}{blocked}").ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{page.Items.Count} of {page.Total} recall(s).").ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
