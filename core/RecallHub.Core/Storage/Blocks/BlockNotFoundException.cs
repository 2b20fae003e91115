namespace RecallHub.Core.Storage;

/// <summary>There is no block with the given id.</summary>
public sealed class BlockNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlockNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public BlockNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BlockNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
