namespace RecallHub.Host.Web.Api;

/// <summary>The answer of <c>POST /api/v1/check</c>.</summary>
internal sealed record CheckResponse(
    string Verdict,
    bool NeedsManualCheck,
    string Message,
    string Action,
    IReadOnlyList<CheckedRecall> Recalls,
    CheckedPack Pack);
