using Mediator;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Checking;
using RecallHub.Core.Matching;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Host.Running;
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
            var scope = ApiPharmacy.Required(request.HttpContext);
            var result = await mediator.Send(new RecordScans(scans!) { Scope = scope }, cancellationToken).ConfigureAwait(false);

            // Under `run`, verifier plugins (NMVS) see the committed serialised packs; `serve` has none.
            var verifications = request.HttpContext.RequestServices.GetService<PackVerifications>() is { } verifiers
                ? await verifiers.VerifyAsync(scans!, result).ConfigureAwait(false)
                : null;
            var histories = verifications is { Count: > 0 }
                ? await AlertedPackHistoriesAsync(request.HttpContext.RequestServices.GetRequiredService<IRecallHubStore>(), scope, result, verifications, cancellationToken).ConfigureAwait(false)
                : null;
            var response = new ScanBatchResponse(result.Stored, result.Refused, result.BlocksPlaced, [.. result.Items.Select(o => ToResult(o, verifications?.GetValueOrDefault(o.Index), histories?.GetValueOrDefault(o.Index)))]);
            return Results.Json(response, HubJsonContext.Default.ScanBatchResponse);
        })
        .RequireAuthorization(ApiScope.Scan)
        .RequirePharmacy()
        .Accepts<ScanBatchRequest>("application/json")
        .Produces<ScanBatchResponse>()
        .ProducesValidationProblem()
        .WithTags("Scans")
        .WithName("PostScans")
        .WithSummary("Store one scan or a batch ({ \"scans\": [...] }), check each pack and block the recalled ones; per-scan results in order.");
        return endpoints;
    }

    // Read after the commit, so the history includes the scan that raised the alert.
    private static async Task<Dictionary<int, IReadOnlyList<PackHistoryEntry>>> AlertedPackHistoriesAsync(
        IRecallHubStore store, PharmacyScope scope, ScanBatchResult result, IReadOnlyDictionary<int, PackVerification> verifications, CancellationToken cancellationToken)
    {
        var histories = new Dictionary<int, IReadOnlyList<PackHistoryEntry>>();
        var alerted = result.Items.Where(o => verifications.GetValueOrDefault(o.Index)?.Status == PackVerificationStatus.Alert).ToList();
        if (alerted.Count == 0)
        {
            return histories;
        }

        await using var session = await store.OpenSessionAsync(scope, cancellationToken).ConfigureAwait(false);
        foreach (var outcome in alerted)
        {
            if (outcome.Check?.Reading is { Serial: { } serial } reading && ProductKeys.Of(reading) is { } productKey)
            {
                var scans = await session.Scans.FindBySerialAsync(productKey, serial, cancellationToken).ConfigureAwait(false);
                histories[outcome.Index] = [.. scans.Select(s => new PackHistoryEntry(s.Id, ApiNames.Name(s.Scan.Event), s.Scan.ScannedAt, s.Scan.Workstation, s.Scan.Operator))];
            }
        }

        return histories;
    }

    private static ScanResult ToResult(ScanOutcome outcome, PackVerification? verification, IReadOnlyList<PackHistoryEntry>? history)
    {
        var check = outcome.Check;
        string? verdict = check is null ? null : check.Verdict == CheckVerdict.Allow ? "allow" : "block";
        string? message = check?.Message;
        string? action = check?.Action;

        // A recall's block speaks first; otherwise the verification decides what the counter reads.
        if (verdict == "allow" && verification is { Status: not PackVerificationStatus.Verified })
        {
            verdict = verification.Status == PackVerificationStatus.Alert ? "block" : "verification_pending";
            (message, action) = (verification.Message, verification.Action);
        }

        return new ScanResult(
            outcome.Index,
            outcome.ScanId is not null,
            outcome.ScanId,
            verdict,
            check?.NeedsManualCheck,
            message,
            action,
            check is null ? [] : [.. check.Recalls.Select(r => new CheckedRecall(r.RecallId, r.Title, r.AlertNumber, r.Outcome == MatchOutcome.Concerned ? "concerned" : "cannot_tell", r.Actions))],
            [.. outcome.BlocksPlaced.Select(b => b.Id)],
            [.. outcome.Problems.Select(p => new ScanResultProblem(p.Code, p.Position, p.Message))],
            verification is null ? null : new ScanVerification(
                ApiNames.Name(verification.Status),
                verification.Code,
                verification.AlertId,
                verification.PackState,
                verification.Message,
                verification.Action,
                history));
    }
}
