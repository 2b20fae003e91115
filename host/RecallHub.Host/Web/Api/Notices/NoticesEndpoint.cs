using System.Text;
using System.Text.Json;
using Mediator;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Ingestion;
using RecallHub.Host.Web.Api.Recalls;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web.Api.Notices;

/// <summary>
/// <c>POST /api/v1/notices</c>: notices pushed by an LGO or a relay (a forwarded DP-Rappels alert), one or an array, in
/// the hub's JSON form; stored, matched against the stock and announced exactly as a source plugin's.
/// </summary>
internal static class NoticesEndpoint
{
    /// <summary>The origin the engine records for notices pushed over HTTP.</summary>
    public const string Origin = "api";

    public static IEndpointRouteBuilder MapNotices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/notices", async (HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        {
            byte[] body = await JsonBody.ReadAllAsync(request, cancellationToken).ConfigureAwait(false);
            if (!JsonBody.TryParse(body, out var document, out var notJson))
            {
                return notJson;
            }

            List<RecallNotice> notices;
            var problems = new List<NoticeProblem>();
            using (document)
            {
                notices = Read(body, document.RootElement, problems);
            }

            if (problems.Count > 0)
            {
                return Refuse(problems);
            }

            IngestReport report;
            try
            {
                report = await mediator.Send(new IngestNotices(notices, Origin), cancellationToken).ConfigureAwait(false);
            }
            catch (RecallNoticeFormatException e)
            {
                return Refuse(e.Problems);
            }

            var response = new NoticeBatchResponse(report.BlocksPlaced, report.DispensedPacks, [.. report.Notices.Select((n, i) => new NoticeResult(
                i,
                n.Notice.Source,
                n.Notice.SourceId,
                n.Notice.Version,
                ApiNames.Outcome(n.Upsert.Outcome),
                n.Upsert.RecallId,
                n.Upsert.RevisionId,
                RecallChangesView.Of(n.Upsert.Changes),
                n.BlocksPlaced,
                n.DispensedPacks,
                [.. n.UnmatchableProducts.Select(p => RecallProductView.Of(p, n.Notice.Source))]))]);
            return Results.Json(response, HubJsonContext.Default.NoticeBatchResponse);
        })
        .RequireAuthorization(ApiScope.Admin)
        .Accepts<RecallNotice>("application/json")
        .Produces<NoticeBatchResponse>()
        .ProducesValidationProblem()
        .WithTags("Notices")
        .WithName("PostNotices")
        .WithSummary("Store pushed recall notices (one, or an array) in the hub's JSON form; says what each became and what stock it blocked.");
        return endpoints;
    }

    // Every notice is read before any is stored, and every problem of every notice is reported: a bad batch stores nothing.
    private static List<RecallNotice> Read(byte[] utf8, JsonElement root, List<NoticeProblem> problems)
    {
        var notices = new List<RecallNotice>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            // The whole body, so that line numbers in messages count from its first line.
            Add(Encoding.UTF8.GetString(utf8), "$");
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new NoticeProblem($"$[{index}]", $"Expected a notice object, found {item.ValueKind.ToString().ToLowerInvariant()}."));
                }
                else
                {
                    Add(item.GetRawText(), $"$[{index}]");
                }

                index++;
            }

            if (index == 0)
            {
                problems.Add(new NoticeProblem("$", "The array holds no notice: send at least one."));
            }
        }
        else
        {
            problems.Add(new NoticeProblem("$", "Expected a notice object or an array of notices."));
        }

        return notices;

        void Add(string json, string at)
        {
            try
            {
                notices.Add(RecallNoticeJson.Read(json));
            }
            catch (RecallNoticeFormatException e)
            {
                problems.AddRange(e.Problems.Select(p => p with { Path = at + p.Path[1..] }));
            }
        }
    }

    private static IResult Refuse(IReadOnlyList<NoticeProblem> problems) =>
        ApiProblems.Invalid("Invalid notice", [.. problems.Select(p => (p.Path, p.Message))]);
}
