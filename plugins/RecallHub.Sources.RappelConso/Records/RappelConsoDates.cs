using System.Globalization;

namespace RecallHub.Sources.RappelConso.Records;

/// <summary>
/// The dates RappelConso writes: ISO 8601 date-times with an offset (<c>2021-06-01T15:04:00+00:00</c>), bare ISO
/// dates (<c>2027-08-31</c>), and in older or hand-typed text French dates (<c>01/02/2024</c>).
/// </summary>
internal static class RappelConsoDates
{
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy"];

    // Bare dates are French civil dates: they are read at midnight in Paris.
    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>A publication date-time; a bare date is midnight in Paris. <see langword="null"/> when unreadable.</summary>
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

    /// <summary>A calendar date, from a bare date or the date part of a date-time. <see langword="null"/> when unreadable.</summary>
    public static DateOnly? ParseDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length > 10 && text[10] is 'T' or ' ' && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datePart))
        {
            return datePart;
        }

        return DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>The ISO 8601 form used in checkpoints and queries, in UTC.</summary>
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
