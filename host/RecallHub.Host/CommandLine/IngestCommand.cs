using System.CommandLine;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
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
        var command = new Command("ingest", "Store recall notices given in the hub's JSON form.") { file, database };
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

            return await StoreAccess.RunAsync(result.GetValue(database)!, time, error, "ingest", async session =>
            {
                await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var outcomes = new List<string>();
                foreach (var notice in notices)
                {
                    var upsert = await session.Recalls.UpsertAsync(notice, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    outcomes.Add(Describe(notice, upsert));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                foreach (var line in outcomes)
                {
                    await output.WriteLineAsync(line).ConfigureAwait(false);
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

    private static string Describe(RecallNotice notice, RecallUpsertResult upsert)
    {
        string what = $"{notice.Source}/{notice.SourceId} v{notice.Version}";
        return upsert.Outcome switch
        {
            RecallUpsertOutcome.Created => $"{what}: new recall {upsert.RecallId}.",
            RecallUpsertOutcome.NewRevision => $"{what}: new revision of recall {upsert.RecallId}{Changes(upsert)}.",
            RecallUpsertOutcome.Linked => $"{what}: linked to recall {upsert.RecallId} (same alert number {notice.AlertNumber}).",
            RecallUpsertOutcome.Unchanged => $"{what}: already stored in recall {upsert.RecallId}, nothing new.",
            RecallUpsertOutcome.Outdated => $"{what}: older than the version stored in recall {upsert.RecallId}, ignored.",
            _ => $"{what}: {upsert.Outcome} (recall {upsert.RecallId}).",
        };
    }

    private static string Changes(RecallUpsertResult upsert) =>
        upsert.Changes is { IsEmpty: false } changes ? $" ({changes})" : "";
}
