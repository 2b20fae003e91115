namespace RecallHub.Core.Blocking;

/// <summary>How a recall is named to people: its title and, when it has one, the authority's alert number.</summary>
/// <param name="Title">The title.</param>
/// <param name="AlertNumber">The alert number (<c>MED26/A019/B018</c>).</param>
public sealed record RecallHeadline(string Title, string? AlertNumber)
{
    /// <summary>The recall as a French sentence names it: <c>« Title » (MED26/A019/B018)</c>.</summary>
    // ANSM titles often end with the alert number already: say it once.
    public string Quoted => AlertNumber is null || Title.Contains(AlertNumber, StringComparison.OrdinalIgnoreCase)
        ? $"« {Title} »"
        : $"« {Title} » ({AlertNumber})";
}
