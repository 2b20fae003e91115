namespace RecallHub.Sources.AclSante.Fsn;

/// <summary>A document of the notice (the FSN PDF, the reply form, a list of serials).</summary>
/// <param name="Url">Where it is, as written.</param>
/// <param name="Title">What it is.</param>
internal sealed record Attachment(string Url, string? Title);
