using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary>The names of <see cref="PackEvent"/> as written in scan files: <c>reception</c>, <c>dispensation</c>…</summary>
internal static class PackEventNames
{
    /// <summary>The names, for messages: <c>reception, dispensation, return, destruction or implantation</c>.</summary>
    public static string Expected { get; } =
        string.Join(", ", Enum.GetValues<PackEvent>()[..^1].Select(Name)) + " or " + Name(Enum.GetValues<PackEvent>()[^1]);

    /// <summary>The event's name, in lower case.</summary>
    public static string Name(PackEvent value) => value.ToString().ToLowerInvariant();

    /// <summary>Reads an event name, ignoring case; numbers and combinations are not names.</summary>
    public static bool TryParse(string text, out PackEvent value)
    {
        foreach (var candidate in Enum.GetValues<PackEvent>())
        {
            if (string.Equals(text, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
