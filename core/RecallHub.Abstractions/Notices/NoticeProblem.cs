namespace RecallHub.Abstractions.Notices;

/// <summary>One thing wrong with a notice: where (a JSON path such as <c>$.products[1].code</c>) and what.</summary>
/// <param name="Path">The JSON path of the offending value.</param>
/// <param name="Message">A plain English sentence saying what is wrong and what is expected.</param>
public sealed record NoticeProblem(string Path, string Message)
{
    /// <summary>The problem as one line: <c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
