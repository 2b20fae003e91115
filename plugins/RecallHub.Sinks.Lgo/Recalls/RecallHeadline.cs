namespace RecallHub.Sinks.Lgo.Recalls;

/// <summary>How a recall is named to the LGO: its title and the authority's alert number.</summary>
/// <param name="Title">The notice's title.</param>
/// <param name="AlertNumber">The alert number (<c>MED26/A019/B018</c>), when the notice has one.</param>
internal sealed record RecallHeadline(string Title, string? AlertNumber);
