using System.CommandLine;
using System.Globalization;
using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary><c>recallhub recalls [--source ID] [--limit N] [--database FILE]</c>: the stored recalls, newest first.</summary>
internal static class RecallsCommand
{
    public static Command Create(TimeProvider time)
    {
        var source = new Option<string?>("--source") { Description = "Only recalls from this source plugin." };
        var limit = new Option<int>("--limit") { Description = "How many recalls to list (1–1000).", DefaultValueFactory = _ => 50 };
        var database = DatabaseOption.Create();
        var command = new Command("recalls", "List the stored recalls, newest first.") { source, limit, database };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            int count = result.GetValue(limit);
            if (count is < 1 or > 1000)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub recalls: --limit must be between 1 and 1000, not {count}.").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            return await StoreAccess.RunAsync(result.GetValue(database)!, time, result.InvocationConfiguration.Error, "recalls", async session =>
            {
                var page = await session.Recalls.ListAsync(RecallFilter.All with { Source = result.GetValue(source) }, new Paging(0, count), cancellationToken).ConfigureAwait(false);
                foreach (var recall in page.Items)
                {
                    string published = recall.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    string alert = recall.AlertNumber is null ? "" : $" [{recall.AlertNumber}]";
                    await output.WriteLineAsync(
                        $"{recall.Id,6}  {published}  {recall.Status.ToString().ToLowerInvariant(),-6}  {string.Join(",", recall.Sources)}  {recall.Title}{alert}").ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{page.Items.Count} of {page.Total} recall(s).").ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
