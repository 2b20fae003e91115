namespace RecallHub.Abstractions.Notices;

/// <summary>A notice's JSON could not be read, or reads into a notice that breaks the contract.</summary>
public sealed class RecallNoticeFormatException : FormatException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found, at least one.</param>
    public RecallNoticeFormatException(IReadOnlyList<NoticeProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Creates the exception with a message only.</summary>
    public RecallNoticeFormatException()
        : this([new NoticeProblem("$", "The notice is not valid.")])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What is wrong.</param>
    public RecallNoticeFormatException(string message)
        : this([new NoticeProblem("$", message)])
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RecallNoticeFormatException(string message, Exception innerException)
        : base(message, innerException) => Problems = [new NoticeProblem("$", message)];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<NoticeProblem> Problems { get; }

    private static string Describe(IReadOnlyList<NoticeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? $"The notice is not valid: {problems[0]}"
            : $"The notice is not valid ({problems.Count} problems): " + string.Join("; ", problems);
    }
}
