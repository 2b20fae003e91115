namespace RecallHub.Core.FollowUp;

/// <summary>A follow-up step that the recall's stage does not allow (acting on a closed recall, closing before any action).</summary>
public sealed class FollowUpStepException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FollowUpStepException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public FollowUpStepException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public FollowUpStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
