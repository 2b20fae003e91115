using RecallHub.Abstractions.Identifiers;
using RecallHub.Core.Checking;
using RecallHub.Core.Matching;
using RecallHub.Host.Running;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web.Api;

/// <summary><c>POST /api/v1/check</c>: may this pack leave? For the LGO at dispensing.</summary>
internal static class CheckEndpoint
{
    public static IEndpointRouteBuilder MapCheck(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/check", (CheckRequest request, ActiveRecallsCache recalls, TimeProvider time, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(request.Code))
            {
                return Results.Problem(title: "No code", detail: "Send the scanned code in \"code\".", statusCode: StatusCodes.Status400BadRequest);
            }

            var reading = BarcodeReader.Read(request.Code, new BarcodeReaderOptions { TimeProvider = time, GroupSeparatorSubstitute = request.GsSubstitute });
            PackCheckResult check;
            try
            {
                // Lifted blocks are the caller's pharmacy's: another pharmacy's lift lets nothing through here.
                check = recalls.Checker.Check(reading, ApiPharmacy.Required(http).Pharmacy);
            }
            catch (ArgumentException)
            {
                return Results.Problem(
                    title: "No product in the code",
                    detail: "The scanned code identifies no product: " + (reading.Errors.Count > 0
                        ? string.Join(" ", reading.Errors.Select(e => $"{e.Code} at {e.Position}: {e.Message}"))
                        : "it carries no GTIN, HIBCC or PPN."),
                    statusCode: StatusCodes.Status400BadRequest);
            }

            string verdict = check.Verdict == CheckVerdict.Allow ? "allow" : "block";
            var (message, action) = (check.Message, check.Action);

            // No recall stops the pack, but its national verification has not answered yet: never a silent allow.
            if (verdict == "allow" && reading is { Gtin: { } gtin, Serial: { } serial }
                && PendingVerifier(http.RequestServices.GetService<RunningPlugins>(), gtin, serial) is { } verifier)
            {
                verdict = "verification_pending";
                message = $"La vérification nationale de cette boîte ({verifier}) est en attente : le système n'a pas encore répondu.";
                action = "Ne pas la délivrer tant qu'elle n'est pas vérifiée : la mettre de côté, ou délivrer une autre boîte déjà vérifiée.";
            }

            var response = new CheckResponse(
                verdict,
                check.NeedsManualCheck,
                message,
                action,
                [.. check.Recalls.Select(r => new CheckedRecall(r.RecallId, r.Title, r.AlertNumber, r.Outcome == MatchOutcome.Concerned ? "concerned" : "cannot_tell", r.Actions))],
                new CheckedPack(reading.Gtin, reading.Cip13, reading.Lot, reading.Serial, reading.Expiry, [.. reading.Errors.Select(e => new CheckedCodeError(e.Code, e.Position, e.Message))]));
            return Results.Json(response, HubJsonContext.Default.CheckResponse);
        })
        .RequireAuthorization(ApiScope.Check)
        .RequirePharmacy()
        .WithName("CheckPack")
        .WithSummary("May this pack leave? allow, or block with the recalls, a plain French message and the action to take.");
        return endpoints;
    }

    // The counter's hot path: a loop, not a LINQ closure per request.
    private static string? PendingVerifier(RunningPlugins? running, string gtin, string serial)
    {
        if (running is null)
        {
            return null;
        }

        foreach (var (id, verifier) in running.Verifiers)
        {
            if (verifier.IsPending(gtin, serial))
            {
                return id;
            }
        }

        return null;
    }
}
