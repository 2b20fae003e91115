namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// GS1 dates: <c>YYMMDD</c> with the GS1 century rule (§7.12) and the day-00 rule (last day of the month).
/// </summary>
public static class Gs1Date
{
    /// <summary>
    /// Resolves a two-digit year with the GS1 century rule: the year chosen is the one within −49/+50 years of
    /// <paramref name="currentYear"/>.
    /// </summary>
    /// <param name="yy">The two-digit year, 0–99.</param>
    /// <param name="currentYear">Today's four-digit year, from the injected <see cref="TimeProvider"/>.</param>
    public static int ResolveYear(int yy, int currentYear)
    {
        int century = currentYear / 100 * 100;
        int difference = yy - (currentYear % 100);
        if (difference >= 51)
        {
            century -= 100;
        }
        else if (difference <= -50)
        {
            century += 100;
        }

        return century + yy;
    }

    /// <summary>Reads a <c>YYMMDD</c> date.</summary>
    /// <param name="yymmdd">Six ASCII digits.</param>
    /// <param name="currentYear">Today's year, for the century rule.</param>
    /// <param name="allowDayZero">Whether day <c>00</c> is allowed and means the last day of the month.</param>
    /// <param name="date">The date read.</param>
    /// <returns><see langword="true"/> when <paramref name="yymmdd"/> is a calendar date.</returns>
    public static bool TryRead(ReadOnlySpan<char> yymmdd, int currentYear, bool allowDayZero, out DateOnly date)
    {
        date = default;
        if (yymmdd.Length != 6 || !TwoDigits(yymmdd, 0, out int yy) || !TwoDigits(yymmdd, 2, out int mm) || !TwoDigits(yymmdd, 4, out int dd))
        {
            return false;
        }

        return TryBuild(ResolveYear(yy, currentYear), mm, dd, allowDayZero, out date);
    }

    /// <summary>Reads a <c>YYYYMMDD</c> date.</summary>
    /// <param name="yyyymmdd">Eight ASCII digits.</param>
    /// <param name="allowDayZero">Whether day <c>00</c> is allowed and means the last day of the month.</param>
    /// <param name="date">The date read.</param>
    /// <returns><see langword="true"/> when <paramref name="yyyymmdd"/> is a calendar date.</returns>
    public static bool TryReadLong(ReadOnlySpan<char> yyyymmdd, bool allowDayZero, out DateOnly date)
    {
        date = default;
        if (yyyymmdd.Length != 8 || !TwoDigits(yyyymmdd, 0, out int cc) || !TwoDigits(yyyymmdd, 2, out int yy)
            || !TwoDigits(yyyymmdd, 4, out int mm) || !TwoDigits(yyyymmdd, 6, out int dd))
        {
            return false;
        }

        return TryBuild((cc * 100) + yy, mm, dd, allowDayZero, out date);
    }

    internal static bool TryBuild(int year, int month, int day, bool allowDayZero, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12)
        {
            return false;
        }

        int last = DateTime.DaysInMonth(year, month);
        if (day == 0 && allowDayZero)
        {
            day = last;
        }

        if (day < 1 || day > last)
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    internal static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        int hi = s[at] - '0';
        int lo = s[at + 1] - '0';
        value = (hi * 10) + lo;
        return (uint)hi <= 9 && (uint)lo <= 9;
    }
}
