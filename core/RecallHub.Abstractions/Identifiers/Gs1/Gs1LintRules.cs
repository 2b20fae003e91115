using System.Buffers;
using System.Diagnostics;

namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// The content rules (<see cref="Gs1Linter"/>) applied to one data component, following the GS1 Barcode Syntax Tests
/// ("linters") of the GS1 Barcode Syntax Resource. Nothing here allocates.
/// </summary>
internal static class Gs1LintRules
{
    // The shortest GS1 Company Prefix has four digits.
    private const int MinimumGcpLength = 4;

    // CSET 82 in the order that gives each character its value (0–81) for the check character pair.
    private const string Cset82Order = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    // CSET 32, the alphabet of the check character pair, in value order.
    private const string Cset32Order = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    // Value of each ASCII character in CSET 82, or -1.
    private static readonly sbyte[] Cset82Values = BuildValues(Cset82Order);

    // The prime weights of the check character pair, from the rightmost data character leftwards.
    private static readonly short[] Primes =
    [
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107,
        109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233,
        239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373,
        379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509,
    ];

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    private static readonly SearchValues<char> IbanCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly SearchValues<char> ImporterIndexCharacters =
        SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>Checks <paramref name="component"/> against <paramref name="linter"/>.</summary>
    /// <param name="linter">The rule.</param>
    /// <param name="component">The component's characters (character set already checked).</param>
    /// <param name="currentYear">Today's year, for the GS1 century rule.</param>
    /// <param name="error">What is wrong, when the rule fails.</param>
    /// <param name="offset">Where in the component the problem is, when the rule fails.</param>
    /// <param name="expected">The expected check digit for <see cref="Gs1ErrorCode.InvalidCheckDigit"/>; else -1.</param>
    /// <returns><see langword="true"/> when the component satisfies the rule.</returns>
    public static bool Check(Gs1Linter linter, ReadOnlySpan<char> component, int currentYear, out Gs1ErrorCode error, out int offset, out int expected)
    {
        expected = -1;
        switch (linter)
        {
            case Gs1Linter.CheckDigit:
                return CheckDigit(component, out error, out offset, out expected);
            case Gs1Linter.CheckCharacterPair:
                return CheckCharacterPair(component, out error, out offset);
            case Gs1Linter.GcpKey:
            case Gs1Linter.GcpPosition1:
                return GcpPrefix(component, 0, out error, out offset);
            case Gs1Linter.GcpKeyAfterFirst:
            case Gs1Linter.GcpPosition2:
                return GcpPrefix(component, 1, out error, out offset);
            case Gs1Linter.Date:
                return ShortDate(component, currentYear, allowDayZero: false, out error, out offset);
            case Gs1Linter.DateOrDayZero:
                return ShortDate(component, currentYear, allowDayZero: true, out error, out offset);
            case Gs1Linter.LongDate:
                return LongDate(component, allowDayZero: false, out error, out offset);
            case Gs1Linter.LongDateOrDayZero:
                return LongDate(component, allowDayZero: true, out error, out offset);
            case Gs1Linter.DateHour:
                return DateHour(component, currentYear, out error, out offset);
            case Gs1Linter.HourMinute:
            case Gs1Linter.HoursMinutes:
                return HourAndMinute(component, out error, out offset);
            case Gs1Linter.Hour:
                return TwoDigitsInRange(component, 0, 23, Gs1ErrorCode.InvalidTime, out error, out offset);
            case Gs1Linter.Minute:
            case Gs1Linter.Second:
                return TwoDigitsInRange(component, 0, 59, Gs1ErrorCode.InvalidTime, out error, out offset);
            case Gs1Linter.Month:
                return TwoDigitsInRange(component, 1, 12, Gs1ErrorCode.InvalidDate, out error, out offset);
            case Gs1Linter.MinuteOptionalSecond:
                return MinuteOptionalSecond(component, out error, out offset);
            case Gs1Linter.Iso3166:
                return Iso3166Codes.Contains(component)
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidCode, 0, out error, out offset);
            case Gs1Linter.Iso3166Or999:
                return component is "999" || Iso3166Codes.Contains(component)
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidCode, 0, out error, out offset);
            case Gs1Linter.Iso3166Alpha2:
                return Iso3166Alpha2Codes.Contains(component)
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidCode, 0, out error, out offset);
            case Gs1Linter.Iso3166List:
                return Iso3166List(component, out error, out offset);
            case Gs1Linter.Iso4217:
                return Iso4217Codes.Contains(component)
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidCode, 0, out error, out offset);
            case Gs1Linter.Iso5218:
                return OneOf(component, "0129", Gs1ErrorCode.InvalidCode, out error, out offset);
            case Gs1Linter.NonZero:
                return component.ContainsAnyExcept('0')
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
            case Gs1Linter.NoZeroPrefix:
                return component.Length > 1 && component[0] == '0'
                    ? Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset)
                    : Pass(out error, out offset);
            case Gs1Linter.Zero:
                return OneOf(component, "0", Gs1ErrorCode.InvalidValue, out error, out offset);
            case Gs1Linter.YesNo:
                return OneOf(component, "01", Gs1ErrorCode.InvalidValue, out error, out offset);
            case Gs1Linter.Winding:
                return OneOf(component, "019", Gs1ErrorCode.InvalidValue, out error, out offset);
            case Gs1Linter.PieceOfTotal:
                return PieceOfTotal(component, out error, out offset);
            case Gs1Linter.PositionInSequence:
                return PositionInSequence(component, out error, out offset);
            case Gs1Linter.HasNonDigit:
                return component.ContainsAnyExcept(Digits)
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
            case Gs1Linter.ImporterIndex:
                return component.Length == 1 && ImporterIndexCharacters.Contains(component[0])
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
            case Gs1Linter.Hyphen:
                return component.IndexOfAnyExcept('-') is var notHyphen and >= 0
                    ? Fail(Gs1ErrorCode.InvalidValue, notHyphen, out error, out offset)
                    : Pass(out error, out offset);
            case Gs1Linter.Latitude:
                return Coordinate(component, 1_800_000_000UL, out error, out offset);
            case Gs1Linter.Longitude:
                return Coordinate(component, 3_600_000_000UL, out error, out offset);
            case Gs1Linter.MediaType:
                return component.Length == 2 && TwoDigits(component, 0) is (>= 1 and <= 10) or >= 80
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidCode, 0, out error, out offset);
            case Gs1Linter.PackageType:
                return PackageTypeCodes.Contains(component)
                    ? Pass(out error, out offset)
                    : Fail(Gs1ErrorCode.InvalidCode, 0, out error, out offset);
            case Gs1Linter.PercentEncoded:
                return PercentEncoded(component, out error, out offset);
            case Gs1Linter.Iban:
                return Iban(component, out error, out offset);
            case Gs1Linter.CouponCode:
                return CouponCode(component, currentYear, out error, out offset);
            case Gs1Linter.CouponPositiveOffer:
                return CouponPositiveOffer(component, out error, out offset);
            default:
                throw new UnreachableException("Unhandled GS1 linter " + linter + ".");
        }
    }

    // csum: GS1 mod-10 check digit in the last position.
    private static bool CheckDigit(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset, out int expected)
    {
        expected = -1;
        if (component.Length < 2)
        {
            return Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
        }

        int check = Gs1CheckDigit.Compute(component[..^1]);
        if (component[^1] - '0' != check)
        {
            expected = check;
            return Fail(Gs1ErrorCode.InvalidCheckDigit, component.Length - 1, out error, out offset);
        }

        return Pass(out error, out offset);
    }

    // csumalpha: two CSET 32 check characters over the preceding CSET 82 characters (GS1 General Specifications
    // §7.9.5): the sum of the character values weighted by primes from the right, modulo 1021, split in two 5-bit halves.
    private static bool CheckCharacterPair(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        int dataLength = component.Length - 2;
        if (dataLength < 0 || dataLength > Primes.Length)
        {
            return Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
        }

        int sum = 0;
        for (int i = 0; i < dataLength; i++)
        {
            int value = component[i] < 128 ? Cset82Values[component[i]] : -1;
            if (value < 0)
            {
                return Fail(Gs1ErrorCode.InvalidValue, i, out error, out offset);
            }

            sum += value * Primes[dataLength - 1 - i];
        }

        sum %= 1021;
        if (component[dataLength] != Cset32Order[sum >> 5])
        {
            return Fail(Gs1ErrorCode.InvalidCheckDigit, dataLength, out error, out offset);
        }

        return component[dataLength + 1] == Cset32Order[sum & 31]
            ? Pass(out error, out offset)
            : Fail(Gs1ErrorCode.InvalidCheckDigit, dataLength + 1, out error, out offset);
    }

    // gcppos1 / gcppos2: a GS1 Company Prefix (at least four digits) starts at position 1 or 2.
    private static bool GcpPrefix(ReadOnlySpan<char> component, int start, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length < start + MinimumGcpLength)
        {
            return Fail(Gs1ErrorCode.InvalidValue, Math.Min(start, component.Length), out error, out offset);
        }

        int notDigit = component.Slice(start, MinimumGcpLength).IndexOfAnyExcept(Digits);
        return notDigit >= 0
            ? Fail(Gs1ErrorCode.InvalidValue, start + notDigit, out error, out offset)
            : Pass(out error, out offset);
    }

    // yymmdd / yymmd0: the century comes from the GS1 rule (−49/+50 years around today).
    private static bool ShortDate(ReadOnlySpan<char> component, int currentYear, bool allowDayZero, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length != 6)
        {
            return Fail(Gs1ErrorCode.InvalidDate, 0, out error, out offset);
        }

        int yy = TwoDigits(component, 0);
        if (yy < 0)
        {
            return Fail(Gs1ErrorCode.InvalidDate, 0, out error, out offset);
        }

        return MonthAndDay(component, 2, Gs1Date.ResolveYear(yy, currentYear), allowDayZero, out error, out offset);
    }

    // yyyymmdd / yyyymmd0.
    private static bool LongDate(ReadOnlySpan<char> component, bool allowDayZero, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length != 8)
        {
            return Fail(Gs1ErrorCode.InvalidDate, 0, out error, out offset);
        }

        int cc = TwoDigits(component, 0);
        int yy = TwoDigits(component, 2);
        if (cc < 0 || yy < 0 || (cc == 0 && yy == 0))
        {
            return Fail(Gs1ErrorCode.InvalidDate, 0, out error, out offset);
        }

        return MonthAndDay(component, 4, (cc * 100) + yy, allowDayZero, out error, out offset);
    }

    // yymmddhh: a date (no day 00) and an hour 00–23.
    private static bool DateHour(ReadOnlySpan<char> component, int currentYear, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length != 8)
        {
            return Fail(Gs1ErrorCode.InvalidDate, 0, out error, out offset);
        }

        if (!ShortDate(component[..6], currentYear, allowDayZero: false, out error, out offset))
        {
            return false;
        }

        return TwoDigits(component, 6) is >= 0 and <= 23
            ? Pass(out error, out offset)
            : Fail(Gs1ErrorCode.InvalidTime, 6, out error, out offset);
    }

    private static bool MonthAndDay(ReadOnlySpan<char> component, int at, int year, bool allowDayZero, out Gs1ErrorCode error, out int offset)
    {
        int month = TwoDigits(component, at);
        if (month is < 1 or > 12)
        {
            return Fail(Gs1ErrorCode.InvalidDate, at, out error, out offset);
        }

        int day = TwoDigits(component, at + 2);
        bool valid = day == 0 ? allowDayZero : day > 0 && day <= DateTime.DaysInMonth(year, month);
        return valid ? Pass(out error, out offset) : Fail(Gs1ErrorCode.InvalidDate, at + 2, out error, out offset);
    }

    // hhmi / hhmm: hour 00–23 then minute 00–59.
    private static bool HourAndMinute(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length != 4)
        {
            return Fail(Gs1ErrorCode.InvalidTime, 0, out error, out offset);
        }

        if (TwoDigits(component, 0) is < 0 or > 23)
        {
            return Fail(Gs1ErrorCode.InvalidTime, 0, out error, out offset);
        }

        return TwoDigits(component, 2) is >= 0 and <= 59
            ? Pass(out error, out offset)
            : Fail(Gs1ErrorCode.InvalidTime, 2, out error, out offset);
    }

    // mmoptss: minutes 00–59, then optionally seconds 00–59.
    private static bool MinuteOptionalSecond(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length is not (2 or 4))
        {
            return Fail(Gs1ErrorCode.InvalidTime, Math.Min(component.Length & ~1, 4), out error, out offset);
        }

        if (TwoDigits(component, 0) is < 0 or > 59)
        {
            return Fail(Gs1ErrorCode.InvalidTime, 0, out error, out offset);
        }

        return component.Length == 2 || TwoDigits(component, 2) is >= 0 and <= 59
            ? Pass(out error, out offset)
            : Fail(Gs1ErrorCode.InvalidTime, 2, out error, out offset);
    }

    private static bool TwoDigitsInRange(ReadOnlySpan<char> component, int min, int max, Gs1ErrorCode code, out Gs1ErrorCode error, out int offset) =>
        component.Length == 2 && TwoDigits(component, 0) is var value && value >= min && value <= max
            ? Pass(out error, out offset)
            : Fail(code, 0, out error, out offset);

    // iso3166list: one to five ISO 3166-1 numeric codes, back to back.
    private static bool Iso3166List(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        if (component.IsEmpty || component.Length % 3 != 0)
        {
            return Fail(Gs1ErrorCode.InvalidValue, component.Length - (component.Length % 3), out error, out offset);
        }

        for (int at = 0; at < component.Length; at += 3)
        {
            if (!Iso3166Codes.Contains(component.Slice(at, 3)))
            {
                return Fail(Gs1ErrorCode.InvalidCode, at, out error, out offset);
            }
        }

        return Pass(out error, out offset);
    }

    private static bool OneOf(ReadOnlySpan<char> component, string allowed, Gs1ErrorCode code, out Gs1ErrorCode error, out int offset) =>
        component.Length == 1 && allowed.Contains(component[0], StringComparison.Ordinal)
            ? Pass(out error, out offset)
            : Fail(code, 0, out error, out offset);

    // pieceoftotal: "nntt", piece and total of equal width, 1 <= piece <= total.
    private static bool PieceOfTotal(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        if (component.IsEmpty || component.Length % 2 != 0)
        {
            return Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
        }

        int half = component.Length / 2;
        var piece = component[..half];
        var total = component[half..];
        if (!piece.ContainsAnyExcept('0'))
        {
            return Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
        }

        if (!total.ContainsAnyExcept('0'))
        {
            return Fail(Gs1ErrorCode.InvalidValue, half, out error, out offset);
        }

        // Same width, digits only: the ordinal order is the numeric order.
        return piece.SequenceCompareTo(total) > 0
            ? Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset)
            : Pass(out error, out offset);
    }

    // posinseqslash: "<pos>/<end>", both without leading zero, 1 <= pos <= end.
    private static bool PositionInSequence(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        int slash = component.IndexOfAnyExcept(Digits);
        if (slash <= 0 || slash >= component.Length - 1 || component[slash] != '/'
            || component[(slash + 1)..].ContainsAnyExcept(Digits))
        {
            return Fail(Gs1ErrorCode.InvalidValue, Math.Max(slash, 0), out error, out offset);
        }

        var position = component[..slash];
        var end = component[(slash + 1)..];
        if (position[0] == '0')
        {
            return Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
        }

        if (end[0] == '0')
        {
            return Fail(Gs1ErrorCode.InvalidValue, slash + 1, out error, out offset);
        }

        bool exceeds = position.Length != end.Length ? position.Length > end.Length : position.SequenceCompareTo(end) > 0;
        return exceeds ? Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset) : Pass(out error, out offset);
    }

    // latitude / longitude: ten digits, at most the given maximum.
    private static bool Coordinate(ReadOnlySpan<char> component, ulong max, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length != 10)
        {
            return Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
        }

        ulong value = 0;
        for (int i = 0; i < component.Length; i++)
        {
            uint digit = (uint)(component[i] - '0');
            if (digit > 9)
            {
                return Fail(Gs1ErrorCode.InvalidValue, i, out error, out offset);
            }

            value = (value * 10) + digit;
        }

        return value <= max ? Pass(out error, out offset) : Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
    }

    // pcenc: every '%' starts a "%hh" escape.
    private static bool PercentEncoded(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        int at = 0;
        while (component[at..].IndexOf('%') is var next and >= 0)
        {
            at += next;
            if (component.Length - at < 3 || component.Slice(at + 1, 2).ContainsAnyExcept(HexDigits))
            {
                return Fail(Gs1ErrorCode.InvalidValue, at, out error, out offset);
            }

            at += 3;
        }

        return Pass(out error, out offset);
    }

    // iban: ISO 13616 — a country code, two check digits, then the account; mod 97 of the rearranged number is 1.
    private static bool Iban(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        if (component.Length <= 10)
        {
            return Fail(Gs1ErrorCode.InvalidValue, 0, out error, out offset);
        }

        if (!Iso3166Alpha2Codes.Contains(component[..2]))
        {
            return Fail(Gs1ErrorCode.InvalidCode, 0, out error, out offset);
        }

        int invalid = component.IndexOfAnyExcept(IbanCharacters);
        if (invalid >= 0)
        {
            return Fail(Gs1ErrorCode.InvalidValue, invalid, out error, out offset);
        }

        // The four first characters move to the end; letters count as 10 (A) to 35 (Z).
        int remainder = 0;
        for (int i = 0; i < component.Length; i++)
        {
            char c = component[(i + 4) % component.Length];
            remainder = c <= '9' ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder == 1 ? Pass(out error, out offset) : Fail(Gs1ErrorCode.InvalidCheckDigit, 2, out error, out offset);
    }

    // couponcode: the North American Coupon Code of AI (8110), a chain of length-prefixed fields and optional fields
    // introduced by their number (1, 2, 3, 4, 5, 6, 9), in that order.
    private static bool CouponCode(ReadOnlySpan<char> component, int currentYear, out Gs1ErrorCode error, out int offset)
    {
        int notDigit = component.IndexOfAnyExcept(Digits);
        if (notDigit >= 0)
        {
            return Fail(Gs1ErrorCode.InvalidValue, notDigit, out error, out offset);
        }

        int p = 0;
        int end = component.Length;

        // Primary GS1 Company Prefix: VLI 0–6 gives 6–12 digits; six-digit offer code; save value; first purchase.
        if (!LengthPrefixed(component, ref p, '0', '6', 6, out offset)
            || !Skip(component, ref p, 6, out offset)
            || !LengthPrefixed(component, ref p, '1', '5', 0, out offset)
            || !Purchase(component, ref p, out offset))
        {
            return Fail(Gs1ErrorCode.InvalidValue, offset, out error, out offset);
        }

        // Optional field 1: additional purchase rules code, second purchase and its company prefix.
        if (p < end && component[p] == '1')
        {
            p++;
            if (!Digit(component, ref p, '0', '3', out offset) || !Purchase(component, ref p, out offset)
                || !PurchaseGcp(component, ref p, out offset))
            {
                return Fail(Gs1ErrorCode.InvalidValue, offset, out error, out offset);
            }
        }

        // Optional field 2: third purchase and its company prefix.
        if (p < end && component[p] == '2')
        {
            p++;
            if (!Purchase(component, ref p, out offset) || !PurchaseGcp(component, ref p, out offset))
            {
                return Fail(Gs1ErrorCode.InvalidValue, offset, out error, out offset);
            }
        }

        // Optional field 3: expiration date YYMMDD.
        int expiry = -1;
        if (p < end && component[p] == '3')
        {
            p++;
            if (end - p < 6)
            {
                return Fail(Gs1ErrorCode.InvalidValue, p, out error, out offset);
            }

            if (!ShortDate(component.Slice(p, 6), currentYear, allowDayZero: false, out error, out offset))
            {
                return Fail(Gs1ErrorCode.InvalidDate, p + offset, out error, out offset);
            }

            expiry = p;
            p += 6;
        }

        // Optional field 4: start date YYMMDD, not after the expiration date.
        if (p < end && component[p] == '4')
        {
            p++;
            if (end - p < 6)
            {
                return Fail(Gs1ErrorCode.InvalidValue, p, out error, out offset);
            }

            if (!ShortDate(component.Slice(p, 6), currentYear, allowDayZero: false, out error, out offset))
            {
                return Fail(Gs1ErrorCode.InvalidDate, p + offset, out error, out offset);
            }

            if (expiry >= 0 && component.Slice(p, 6).SequenceCompareTo(component.Slice(expiry, 6)) > 0)
            {
                return Fail(Gs1ErrorCode.InvalidDate, expiry, out error, out offset);
            }

            p += 6;
        }

        // Optional field 5: serial number, VLI 0–9 gives 6–15 digits.
        if (p < end && component[p] == '5')
        {
            p++;
            if (!LengthPrefixed(component, ref p, '0', '9', 6, out offset))
            {
                return Fail(Gs1ErrorCode.InvalidValue, offset, out error, out offset);
            }
        }

        // Optional field 6: retailer company prefix or GLN, VLI 1–7 gives 7–13 digits.
        if (p < end && component[p] == '6')
        {
            p++;
            if (!LengthPrefixed(component, ref p, '1', '7', 6, out offset))
            {
                return Fail(Gs1ErrorCode.InvalidValue, offset, out error, out offset);
            }
        }

        // Optional field 9: save value code, applies-to item, store coupon flag, don't-multiply flag.
        if (p < end && component[p] == '9')
        {
            p++;
            if (p == end || component[p] is not ('0' or '1' or '2' or '5' or '6'))
            {
                return Fail(Gs1ErrorCode.InvalidValue, p, out error, out offset);
            }

            p++;
            if (!Digit(component, ref p, '0', '2', out offset) || !Digit(component, ref p, '0', '9', out offset)
                || !Digit(component, ref p, '0', '1', out offset))
            {
                return Fail(Gs1ErrorCode.InvalidValue, offset, out error, out offset);
            }
        }

        return p == end ? Pass(out error, out offset) : Fail(Gs1ErrorCode.InvalidValue, p, out error, out offset);
    }

    // couponposoffer: the positive offer file coupon of AI (8112): format code 0–1, funder ID (VLI 0–6 gives 6–12
    // digits), six-digit offer code, serial number (VLI 0–9 gives 6–15 digits), nothing after.
    private static bool CouponPositiveOffer(ReadOnlySpan<char> component, out Gs1ErrorCode error, out int offset)
    {
        int notDigit = component.IndexOfAnyExcept(Digits);
        if (notDigit >= 0)
        {
            return Fail(Gs1ErrorCode.InvalidValue, notDigit, out error, out offset);
        }

        int p = 0;
        if (!Digit(component, ref p, '0', '1', out offset)
            || !LengthPrefixed(component, ref p, '0', '6', 6, out offset)
            || !Skip(component, ref p, 6, out offset)
            || !LengthPrefixed(component, ref p, '0', '9', 6, out offset))
        {
            return Fail(Gs1ErrorCode.InvalidValue, offset, out error, out offset);
        }

        return p == component.Length ? Pass(out error, out offset) : Fail(Gs1ErrorCode.InvalidValue, p, out error, out offset);
    }

    // A purchase requirement (VLI 1–5 gives 1–5 digits), its code (0–4 or 9) and a three-digit family code.
    private static bool Purchase(ReadOnlySpan<char> component, ref int p, out int offset)
    {
        if (!LengthPrefixed(component, ref p, '1', '5', 0, out offset))
        {
            return false;
        }

        if (p == component.Length || (component[p] > '4' && component[p] != '9'))
        {
            offset = p;
            return false;
        }

        p++;
        return Skip(component, ref p, 3, out offset);
    }

    // The company prefix of an additional purchase: VLI 0–6 gives 6–12 digits, VLI 9 means none.
    private static bool PurchaseGcp(ReadOnlySpan<char> component, ref int p, out int offset)
    {
        if (p < component.Length && component[p] == '9')
        {
            p++;
            offset = 0;
            return true;
        }

        return LengthPrefixed(component, ref p, '0', '6', 6, out offset);
    }

    // A length indicator digit between first and last, then that many digits plus the bias.
    private static bool LengthPrefixed(ReadOnlySpan<char> component, ref int p, char first, char last, int bias, out int offset)
    {
        int at = p;
        if (!Digit(component, ref p, first, last, out offset))
        {
            return false;
        }

        return Skip(component, ref p, component[at] - '0' + bias, out offset);
    }

    private static bool Digit(ReadOnlySpan<char> component, ref int p, char first, char last, out int offset)
    {
        offset = p;
        if (p == component.Length || component[p] < first || component[p] > last)
        {
            return false;
        }

        p++;
        return true;
    }

    private static bool Skip(ReadOnlySpan<char> component, ref int p, int count, out int offset)
    {
        offset = p;
        if (component.Length - p < count)
        {
            return false;
        }

        p += count;
        return true;
    }

    // The value of two ASCII digits at a position, or -1.
    private static int TwoDigits(ReadOnlySpan<char> s, int at)
    {
        if (s.Length < at + 2)
        {
            return -1;
        }

        int hi = s[at] - '0';
        int lo = s[at + 1] - '0';
        return (uint)hi <= 9 && (uint)lo <= 9 ? (hi * 10) + lo : -1;
    }

    private static sbyte[] BuildValues(string alphabet)
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (int i = 0; i < alphabet.Length; i++)
        {
            values[alphabet[i]] = (sbyte)i;
        }

        return values;
    }

    private static bool Pass(out Gs1ErrorCode error, out int offset)
    {
        error = default;
        offset = 0;
        return true;
    }

    private static bool Fail(Gs1ErrorCode code, int at, out Gs1ErrorCode error, out int offset)
    {
        error = code;
        offset = at;
        return false;
    }
}
