namespace RecallHub.Host.Web.Api;

/// <summary>What the scanned code says.</summary>
internal sealed record CheckedPack(string? Gtin, string? Cip13, string? Lot, string? Serial, DateOnly? Expiry, IReadOnlyList<CheckedCodeError> Errors);
