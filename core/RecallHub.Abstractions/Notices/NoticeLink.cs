namespace RecallHub.Abstractions.Notices;

/// <summary>A link to the source's page, a document or an image.</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Title">What it is, for people.</param>
public sealed record NoticeLink(Uri Url, string? Title = null);
