namespace RecallHub.Host.Web.Api;

/// <summary>A recall concerning the checked pack.</summary>
internal sealed record CheckedRecall(long RecallId, string Title, string? AlertNumber, string Outcome, IReadOnlyList<string> Actions);
