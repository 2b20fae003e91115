using System.Text;

namespace RecallHub.Core.Storage;

/// <summary>The limits every store puts on plugin state (see <see cref="IPluginStateRepository"/>).</summary>
internal static class PluginStateLimits
{
    /// <summary>The longest key, in characters.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The largest value, in bytes of UTF-8 (64 KiB).</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>
    /// Checks a plugin id and key, the same on every call: a key too long to be set is a caller's bug, not a missing value.
    /// </summary>
    public static void CheckKey(string pluginId, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"The key '{key[..20]}…' of the plugin '{pluginId}' is {key.Length} characters long; the limit is {MaxKeyLength} characters.", nameof(key));
        }
    }

    /// <summary>Checks a key and the value to set.</summary>
    public static void CheckValue(string pluginId, string key, string value)
    {
        CheckKey(pluginId, key);
        ArgumentNullException.ThrowIfNull(value);
        int bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > MaxValueBytes)
        {
            throw new ArgumentException(
                $"The value of '{key}' for the plugin '{pluginId}' is {bytes} bytes (UTF-8); the limit is {MaxValueBytes} bytes (64 KiB). Keep large data elsewhere.",
                nameof(value));
        }
    }
}
