namespace RecallHub.Core.Storage;

/// <summary>
/// The store could not do what was asked: a database that cannot be opened or migrated, a row that breaks a
/// constraint. The message says what failed and where (file, migration, row).
/// </summary>
public class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What failed and where.</param>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="innerException">The cause.</param>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
