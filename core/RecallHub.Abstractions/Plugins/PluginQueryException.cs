namespace RecallHub.Abstractions.Plugins;

/// <summary>A plugin query's parameters are missing or wrong; the message says which and what is expected, for the caller.</summary>
public sealed class PluginQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginQueryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the parameters.</param>
    public PluginQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the parameters.</param>
    /// <param name="innerException">The cause.</param>
    public PluginQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
