namespace RecallHub.Core.Storage;

/// <summary>The block was already lifted: a lift is final, and its author and reason stay on record.</summary>
public sealed class BlockAlreadyLiftedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlockAlreadyLiftedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public BlockAlreadyLiftedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BlockAlreadyLiftedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
