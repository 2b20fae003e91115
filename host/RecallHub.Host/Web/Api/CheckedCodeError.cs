namespace RecallHub.Host.Web.Api;

/// <summary>A problem in the scanned code, shown alongside the verdict.</summary>
internal sealed record CheckedCodeError(string Code, int Position, string Message);
