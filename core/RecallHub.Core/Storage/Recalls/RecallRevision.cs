using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>One version of one notice, as received.</summary>
/// <param name="Id">The revision's id.</param>
/// <param name="Source">The notice's source.</param>
/// <param name="SourceId">The notice's id at its source.</param>
/// <param name="Version">The notice's version at its source.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
/// <param name="IsCurrent">Whether it is the latest revision of its notice.</param>
/// <param name="NoticeJson">The notice as <see cref="RecallNoticeJson.Serialize"/> wrote it, without its raw payload.</param>
/// <param name="RawPayload">The payload as received from the source.</param>
/// <param name="Changes">What changed from the previous revision; <see langword="null"/> for the first.</param>
public sealed record RecallRevision(
    long Id,
    string Source,
    string SourceId,
    int Version,
    DateTimeOffset ReceivedAt,
    bool IsCurrent,
    string NoticeJson,
    string? RawPayload,
    RecallChangeSummary? Changes)
{
    /// <summary>Reads the notice back, raw payload included.</summary>
    /// <exception cref="RecallNoticeFormatException">The stored JSON no longer satisfies the contract.</exception>
    public RecallNotice ReadNotice() => RecallNoticeJson.Read(NoticeJson) with { RawPayload = RawPayload };
}
