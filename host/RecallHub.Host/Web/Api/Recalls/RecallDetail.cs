namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>The answer of <c>GET /api/v1/recalls/{id}</c>: a recall with everything the pharmacist needs to act on it.</summary>
/// <param name="Id">The recall's id.</param>
/// <param name="AlertNumber">The authority's alert number, normalised.</param>
/// <param name="Kind">What it asks.</param>
/// <param name="Title">Its title (latest revision).</param>
/// <param name="RecallLevels">How deep it goes.</param>
/// <param name="PublishedAt">When its latest revision was published.</param>
/// <param name="Status"><c>active</c> or <c>closed</c>.</param>
/// <param name="CreatedAt">When the hub first received it.</param>
/// <param name="UpdatedAt">When the hub last changed it.</param>
/// <param name="Reason">Why the products are recalled (latest current revision).</param>
/// <param name="Risk">The risk for patients or users (latest current revision).</param>
/// <param name="Actions">What to do, from every linked notice, without repeats.</param>
/// <param name="Products">The products of the current revision of every linked notice, each with its source and lots.</param>
/// <param name="Revisions">Every revision, oldest first, with what it changed.</param>
/// <param name="Links">The notices that make up the recall, one per source and id.</param>
/// <param name="Documents">The pages and documents the current notices point to.</param>
/// <param name="Blocks">The packs it blocks in the caller's pharmacy; <see langword="null"/> for a hub operator's key of a multi-pharmacy hub, which belongs to no pharmacy.</param>
internal sealed record RecallDetail(
    long Id,
    string? AlertNumber,
    string Kind,
    string Title,
    IReadOnlyList<string> RecallLevels,
    DateTimeOffset PublishedAt,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Reason,
    string? Risk,
    IReadOnlyList<string> Actions,
    IReadOnlyList<RecallProductView> Products,
    IReadOnlyList<RecallRevisionView> Revisions,
    IReadOnlyList<RecallLinkView> Links,
    IReadOnlyList<RecallDocumentView> Documents,
    RecallBlocksView? Blocks);
