namespace RecallHub.Abstractions.Plugins;

/// <summary>A plugin's settings are missing or wrong; the message names the plugin, the setting and what is expected.</summary>
public sealed class PluginConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the plugin and the setting.</param>
    public PluginConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the plugin and the setting.</param>
    /// <param name="innerException">The cause.</param>
    public PluginConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
