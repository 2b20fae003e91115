namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>A page, document or image a notice of the recall points to.</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Title">What it is.</param>
/// <param name="Source">The source whose notice gives it.</param>
internal sealed record RecallDocumentView(Uri Url, string? Title, string Source);
