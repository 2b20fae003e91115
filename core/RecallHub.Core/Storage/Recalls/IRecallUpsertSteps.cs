using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>
/// The reads and writes <see cref="RecallUpsert"/> makes, each in a store's own SQL and inside the upsert's
/// transaction: the rule of what a notice does to the recalls is written once, the statements once per store.
/// </summary>
internal interface IRecallUpsertSteps
{
    /// <summary>The recall a (source, source id) is linked to, or <see langword="null"/>.</summary>
    Task<long?> LinkedRecallAsync(string source, string sourceId);

    /// <summary>The current revision of a linked (source, source id).</summary>
    Task<CurrentRevision> CurrentRevisionAsync(string source, string sourceId);

    /// <summary>The products of one revision, in order.</summary>
    Task<List<RecalledProduct>> ProductsOfRevisionAsync(long revisionId);

    /// <summary>The products of every current revision of a recall, in order.</summary>
    Task<List<RecalledProduct>> CurrentProductsOfRecallAsync(long recallId);

    /// <summary>Marks a revision as no longer current.</summary>
    Task SupersedeAsync(long revisionId);

    /// <summary>Stores a current revision with its products and lots; returns its id.</summary>
    Task<long> InsertRevisionAsync(long recallId, IncomingNotice incoming, RecallChangeSummary? changes);

    /// <summary>The headline follows the revision; the alert number is adopted as in <see cref="TouchLinkedAsync"/>.</summary>
    Task UpdateHeadlineAsync(long recallId, IncomingNotice incoming);

    /// <summary>Sets the recall's update time and adopts the notice's alert number when it had none and no other recall carries it.</summary>
    Task TouchLinkedAsync(long recallId, IncomingNotice incoming);

    /// <summary>The recall carrying an alert number, or <see langword="null"/>.</summary>
    Task<long?> RecallWithAlertNumberAsync(string alertNumber);

    /// <summary>
    /// The current products keyed <paramref name="keys"/> of active recalls published between <paramref name="from"/>
    /// and <paramref name="to"/>, with no notice of the incoming notice's source yet, whose alert number does not
    /// contradict the notice's; by recall, then product.
    /// </summary>
    Task<List<ProductLinkCandidate>> ProductLinkCandidatesAsync(IncomingNotice incoming, IReadOnlyList<string> keys, DateTimeOffset from, DateTimeOffset to);

    /// <summary>The lot keys of some recall products.</summary>
    Task<ILookup<long, string>> LotKeysAsync(IReadOnlyList<long> productIds);

    /// <summary>Creates the recall of a notice; returns its id.</summary>
    Task<long> CreateRecallAsync(IncomingNotice incoming);

    /// <summary>Links the notice's (source, source id) to a recall.</summary>
    Task InsertLinkAsync(long recallId, IncomingNotice incoming, string reason, string? value);
}

/// <summary>The current revision of a (source, source id): what a new version is compared with.</summary>
internal sealed record CurrentRevision(long Id, int Version, string ContentSha256, string NoticeJson);

/// <summary>A current product of an active recall that may be the same recall as an incoming notice.</summary>
internal sealed record ProductLinkCandidate(long ProductId, long RecallId, string ProductKey, bool AllLots, DateTimeOffset PublishedAt);
