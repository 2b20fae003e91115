using System.Net;

namespace RecallHub.Sources.Ansm.Http;

/// <summary>An answer of the ANSM site.</summary>
/// <param name="Url">What was asked.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Content">The body; empty for <c>304 Not Modified</c>.</param>
/// <param name="ETag">The <c>ETag</c> header, if any.</param>
/// <param name="LastModified">The <c>Last-Modified</c> header as sent, if any.</param>
internal sealed record FetchedPage(Uri Url, HttpStatusCode Status, string Content, string? ETag, string? LastModified)
{
    /// <summary><see langword="true"/> for a 2xx answer.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
