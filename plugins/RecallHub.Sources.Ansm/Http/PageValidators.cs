namespace RecallHub.Sources.Ansm.Http;

/// <summary>What a conditional request sends: the <c>ETag</c> and <c>Last-Modified</c> of the copy already read.</summary>
/// <param name="ETag">For <c>If-None-Match</c>.</param>
/// <param name="LastModified">For <c>If-Modified-Since</c>.</param>
internal sealed record PageValidators(string? ETag, string? LastModified)
{
    /// <summary><see langword="true"/> when there is something to send.</summary>
    public bool Any => ETag is not null || LastModified is not null;
}
