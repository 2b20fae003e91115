using System.CommandLine;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using Mediator;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub ingest NOTICE.json [--database FILE]</c>: stores notices in their JSON form (docs/notices.md) — one
/// notice or an array — and says what became of each: a new recall, a revision, a link, or nothing new.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(TimeProvider time)
    {
        var file = new Argument<FileInfo>("NOTICE.json") { Description = "One notice object, or an array of notices." };
        var database = DatabaseOption.Create();
        var plugins = EngineAccess.CreatePluginsOption();
        var command = new Command("ingest", "Store recall notices given in the hub's JSON form, block the packs they concern and tell the sinks.") { file, database, plugins };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var input = result.GetValue(file)!;
            if (!input.Exists)
            {
                await error.WriteLineAsync($"recallhub ingest: file '{input.FullName}' does not exist.").ConfigureAwait(false);
                return 1;
            }

            // Every notice is read and checked before anything is stored: a bad file stores nothing.
            List<RecallNotice> notices;
            try
            {
                notices = ReadNotices(await File.ReadAllTextAsync(input.FullName, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is RecallNoticeFormatException or JsonException)
            {
                await error.WriteLineAsync($"recallhub ingest: {input.Name}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            return await EngineAccess.RunAsync(result.GetValue(database)!, pharmacy: null, shared: true, result.GetValue(plugins)!, time, error, "ingest", async (services, _) =>
            {
                var report = await services.GetRequiredService<IMediator>().Send(new IngestNotices(notices, "cli"), cancellationToken).ConfigureAwait(false);
                foreach (var ingestion in report.Notices)
                {
                    await output.WriteLineAsync(Describe(ingestion)).ConfigureAwait(false);
                }

                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static List<RecallNotice> ReadNotices(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [RecallNoticeJson.Read(json)];
        }

        var notices = new List<RecallNotice>();
        int index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            try
            {
                notices.Add(RecallNoticeJson.Read(item.GetRawText()));
            }
            catch (RecallNoticeFormatException e)
            {
                throw new RecallNoticeFormatException([.. e.Problems.Select(p => p with { Path = $"$[{index}]{p.Path[1..]}" })]);
            }

            index++;
        }

        return notices;
    }

    private static string Describe(NoticeIngestion ingestion)
    {
        var (notice, upsert) = (ingestion.Notice, ingestion.Upsert);
        string what = $"{notice.Source}/{notice.SourceId} v{notice.Version}";
        string stock = ingestion.BlocksPlaced + ingestion.DispensedPacks == 0 ? "" :
            $" {ingestion.BlocksPlaced} pack(s) in stock blocked, {ingestion.DispensedPacks} dispensed pack(s) to trace.";
        string unmatchable = ingestion.UnmatchableProducts.Count == 0 ? "" :
            $" {ingestion.UnmatchableProducts.Count} product(s) cannot be matched automatically (no GTIN): check the stock by hand for {string.Join(", ", ingestion.UnmatchableProducts.Select(p => p.Code))}.";
        return Outcome(notice, upsert, what) + stock + unmatchable;
    }

    private static string Outcome(RecallNotice notice, RecallUpsertResult upsert, string what)
    {
        return upsert.Outcome switch
        {
            RecallUpsertOutcome.Created => $"{what}: new recall {upsert.RecallId}.",
            RecallUpsertOutcome.NewRevision => $"{what}: new revision of recall {upsert.RecallId}{Changes(upsert)}.",
            RecallUpsertOutcome.Linked => $"{what}: linked to recall {upsert.RecallId}{(notice.AlertNumber is null ? " (same product and lots)" : $" (same alert number {notice.AlertNumber})")}.",
            RecallUpsertOutcome.Unchanged => $"{what}: already stored in recall {upsert.RecallId}, nothing new.",
            RecallUpsertOutcome.Outdated => $"{what}: older than the version stored in recall {upsert.RecallId}, ignored.",
            _ => $"{what}: {upsert.Outcome} (recall {upsert.RecallId}).",
        };
    }

    private static string Changes(RecallUpsertResult upsert) =>
        upsert.Changes is { IsEmpty: false } changes ? $" ({changes})" : "";
}
