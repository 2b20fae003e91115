using System.Globalization;

namespace RecallHub.Sources.AclSante.Units;

/// <summary>
/// The dates of the wire format: ISO 8601 date-times with an offset, bare ISO dates (<c>2026-07-31</c>), French dates
/// (<c>31/07/2026</c>) and, for expiries, months (<c>2027-12</c>, <c>12/2027</c>).
/// </summary>
internal static class WireDates
{
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private static readonly string[] MonthFormats = ["yyyy-MM", "MM/yyyy", "M/yyyy"];

    // Bare dates are French civil dates: they are read at midnight in Paris.
    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>An instant; a bare date is midnight in Paris. <see langword="null"/> when unreadable.</summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        if (ParseDay(text) is { } day)
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(midnight, Paris.GetUtcOffset(midnight));
        }

        return null;
    }

    /// <summary>A calendar date, or the date part of a date-time. <see langword="null"/> when unreadable.</summary>
    public static DateOnly? ParseDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length > 10 && text[10] is 'T' or ' '
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datePart))
        {
            return datePart;
        }

        return DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>
    /// An end of a date range: a day, or a month standing for its first day (<paramref name="isEnd"/> false) or its
    /// last day (true), as expiries are printed by month.
    /// </summary>
    public static DateOnly? ParseBound(string? text, bool isEnd)
    {
        if (ParseDay(text) is { } day)
        {
            return day;
        }

        if (!string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return isEnd ? month.AddMonths(1).AddDays(-1) : month;
        }

        return null;
    }

    /// <summary>The ISO 8601 UTC form of checkpoints and queries.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
