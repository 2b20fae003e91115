using System.Globalization;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// Reads the <c>scanned_at</c> column of a scan file: an ISO 8601 date and time (<c>2026-11-20T14:03:00+01:00</c>,
/// <c>…Z</c>, a space instead of <c>T</c>, seconds and fractions optional) or a date alone. Without an offset it is the
/// pharmacy's local time (<see cref="TimeProvider.LocalTimeZone"/>), as pharmacy software usually writes it.
/// </summary>
internal static class ScannedAtText
{
    private static readonly string[] Zoned = Formats(["zzz", "'Z'"]);
    private static readonly string[] Unzoned = [.. Formats([""]), "yyyy-MM-dd"];

    /// <summary>Reads <paramref name="text"/>; <see langword="false"/> when it is no ISO 8601 date and time.</summary>
    public static bool TryParse(string text, TimeZoneInfo localZone, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(localZone);
        // A trailing Z is a literal in the formats: AssumeUniversal gives it its meaning; an explicit offset wins.
        if (DateTimeOffset.TryParseExact(text, Zoned, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, Unzoned, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, localZone.GetUtcOffset(local));
            return true;
        }

        return false;
    }

    private static string[] Formats(string[] zones) =>
        [.. from separator in new[] { "'T'", " " }
            from clock in new[] { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" }
            from zone in zones
            select $"yyyy-MM-dd{separator}{clock}{zone}"];
}
