namespace RecallHub.Sources.Ansm;

/// <summary>
/// The ANSM site answered, but not with the page structure the plugin reads (no notice cards on the listing's first
/// page): rather than report "nothing new", the pull fails with this, so that someone updates the plugin.
/// </summary>
public sealed class AnsmPageStructureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnsmPageStructureException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and where.</param>
    public AnsmPageStructureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and where.</param>
    /// <param name="innerException">The cause.</param>
    public AnsmPageStructureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
