namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>One stored version of one of the recall's notices.</summary>
/// <param name="Id">The revision's id.</param>
/// <param name="Source">The notice's source.</param>
/// <param name="SourceId">Its id at the source.</param>
/// <param name="Version">The source's version.</param>
/// <param name="PublishedAt">When the source published this version.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
/// <param name="IsCurrent">Whether it is the latest revision of its notice.</param>
/// <param name="Changes">What it changed from the previous revision (or, for a linked notice, what it adds or lacks); <see langword="null"/> for a notice's first.</param>
internal sealed record RecallRevisionView(
    long Id,
    string Source,
    string SourceId,
    int Version,
    DateTimeOffset PublishedAt,
    DateTimeOffset ReceivedAt,
    bool IsCurrent,
    RecallChangesView? Changes);
