using System.Globalization;
using System.Text.RegularExpressions;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>Dates as ANSM pages write them: <c>19/08/2026</c>, <c>02/2028</c> (an expiry month), <c>31 janvier 2027</c>.</summary>
internal static partial class FrenchDates
{
    /// <summary>The pattern of one written date, for use inside larger patterns.</summary>
    public const string Pattern =
        @"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}[/.\-]\d{4}|(?:\d{1,2}(?:er)?\s+)?(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+\d{4})";

    private static readonly string[] Months =
        ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>
    /// Reads a date. A month without a day (<c>02/2028</c>, <c>février 2028</c>) is an expiry month and stands for its
    /// last day, as GS1 day <c>00</c> does on the box.
    /// </summary>
    public static DateOnly? Parse(string text)
    {
        var match = Whole().Match(FrenchText.Fold(text));
        if (!match.Success)
        {
            return null;
        }

        var g = match.Groups;
        try
        {
            if (g["iy"].Success)
            {
                return new DateOnly(Int(g["iy"]), Int(g["im"]), Int(g["id"]));
            }

            int year = g["y"].Value.Length == 2 ? 2000 + Int(g["y"]) : Int(g["y"]);
            int month = g["m"].Success ? Int(g["m"]) : Array.IndexOf(Months, g["mn"].Value) + 1;
            int day = g["d"].Success ? Int(g["d"]) : DateTime.DaysInMonth(year, month);
            return new DateOnly(year, month, day);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary><see langword="true"/> when <paramref name="token"/> is a date, so that it is never taken for a lot.</summary>
    public static bool IsDate(string token) => Parse(token) is not null || LooseDate().IsMatch(token);

    /// <summary>Midnight in Paris on <paramref name="date"/>: ANSM dates carry no time.</summary>
    public static DateTimeOffset ParisMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without time-zone data, Central European Time without its summer hour is off by at most one hour.
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Paris", TimeSpan.FromHours(1), "Europe/Paris", "Europe/Paris");
        }
    }

    [GeneratedRegex(@"^\s*(?:(?<d>\d{1,2})[/.\-](?<m>\d{1,2})[/.\-](?<y>\d{4}|\d{2})|(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})|(?<m>\d{1,2})[/.\-](?<y>\d{4})|(?:(?<d>\d{1,2})(?:er)?\s+)?(?<mn>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+(?<y>\d{4}))\s*$")]
    private static partial Regex Whole();

    // Dates with an impossible day or month are still dates, not lots.
    [GeneratedRegex(@"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$|^\d{1,2}[/.\-]\d{4}$")]
    private static partial Regex LooseDate();
}
