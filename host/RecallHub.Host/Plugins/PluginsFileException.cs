namespace RecallHub.Host.Plugins;

/// <summary><c>plugins.json</c> is missing, malformed or breaks a rule; the message names the file and the member.</summary>
internal sealed class PluginsFileException : Exception
{
    public PluginsFileException(string message)
        : base(message)
    {
    }

    public PluginsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
