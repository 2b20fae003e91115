using Mediator;
using RecallHub.Core.Checking;
using RecallHub.Core.Matching;
using RecallHub.Core.Scanning;
using RecallHub.Host.Web.Patients;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web.Api.Scans;

/// <summary><c>POST /api/v1/scans</c>: the LGO posts one scan or a batch; each is stored, checked and, if recalled, blocked.</summary>
internal static class ScansEndpoint
{
    public static IEndpointRouteBuilder MapScans(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/scans", async (HttpRequest request, IMediator mediator, PatientKey patientKey, CancellationToken cancellationToken) =>
        {
            byte[] body = await JsonBody.ReadAllAsync(request, cancellationToken).ConfigureAwait(false);
            if (!JsonBody.TryParse(body, out var document, out var notJson))
            {
                return notJson;
            }

            IReadOnlyList<ScanSubmission>? scans;
            IResult? malformed;
            using (document)
            {
                (scans, malformed) = ScanBatchReader.Read(body, document.RootElement, patientKey.Seal);
            }

            if (malformed is not null)
            {
                return malformed;
            }

            // Answered only after the commit: a stored id in the answer is a scan that will not be lost.
            var result = await mediator.Send(new RecordScans(scans!), cancellationToken).ConfigureAwait(false);
            var response = new ScanBatchResponse(result.Stored, result.Refused, result.BlocksPlaced, [.. result.Items.Select(ToResult)]);
            return Results.Json(response, HubJsonContext.Default.ScanBatchResponse);
        })
        .RequireAuthorization(ApiScope.Scan)
        .Accepts<ScanBatchRequest>("application/json")
        .Produces<ScanBatchResponse>()
        .ProducesValidationProblem()
        .WithTags("Scans")
        .WithName("PostScans")
        .WithSummary("Store one scan or a batch ({ \"scans\": [...] }), check each pack and block the recalled ones; per-scan results in order.");
        return endpoints;
    }

    private static ScanResult ToResult(ScanOutcome outcome)
    {
        var check = outcome.Check;
        return new ScanResult(
            outcome.Index,
            outcome.ScanId is not null,
            outcome.ScanId,
            check is null ? null : check.Verdict == CheckVerdict.Allow ? "allow" : "block",
            check?.NeedsManualCheck,
            check?.Message,
            check?.Action,
            check is null ? [] : [.. check.Recalls.Select(r => new CheckedRecall(r.RecallId, r.Title, r.AlertNumber, r.Outcome == MatchOutcome.Concerned ? "concerned" : "cannot_tell", r.Actions))],
            [.. outcome.BlocksPlaced.Select(b => b.Id)],
            [.. outcome.Problems.Select(p => new ScanResultProblem(p.Code, p.Position, p.Message))]);
    }
}
