namespace RecallHub.Plugins.Testing;

/// <summary>
/// A plugin broke a rule of the contract or made a common mistake. Any test framework reports it as a failure; the
/// message says what is wrong, where, and how to fix it.
/// </summary>
public sealed class PluginAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginAssertionException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What is wrong.</param>
    public PluginAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PluginAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
