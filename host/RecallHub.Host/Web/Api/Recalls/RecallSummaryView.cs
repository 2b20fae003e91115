using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>A recall in a list.</summary>
/// <param name="Id">The recall's id.</param>
/// <param name="AlertNumber">The authority's alert number, normalised.</param>
/// <param name="Kind">What it asks (<c>lot_recall</c>, <c>product_withdrawal</c>…).</param>
/// <param name="Title">Its title (latest revision).</param>
/// <param name="RecallLevels">How deep it goes (<c>pharmacies</c>, <c>patients</c>…).</param>
/// <param name="PublishedAt">When its latest revision was published.</param>
/// <param name="Status"><c>active</c> or <c>closed</c>.</param>
/// <param name="Sources">The sources that published it.</param>
/// <param name="RevisionCount">How many revisions it has.</param>
/// <param name="UpdatedAt">When the hub last changed it.</param>
internal sealed record RecallSummaryView(
    long Id,
    string? AlertNumber,
    string Kind,
    string Title,
    IReadOnlyList<string> RecallLevels,
    DateTimeOffset PublishedAt,
    string Status,
    IReadOnlyList<string> Sources,
    int RevisionCount,
    DateTimeOffset UpdatedAt)
{
    public static RecallSummaryView Of(RecallSummary recall) => new(
        recall.Id,
        recall.AlertNumber,
        ApiNames.Name(recall.Kind),
        recall.Title,
        ApiNames.Levels(recall.RecallLevels),
        recall.PublishedAt,
        ApiNames.Name(recall.Status),
        recall.Sources,
        recall.RevisionCount,
        recall.UpdatedAt);
}
