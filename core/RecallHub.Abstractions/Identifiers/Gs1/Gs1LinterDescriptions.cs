namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>What each content rule requires, in words a person can act on.</summary>
internal static class Gs1LinterDescriptions
{
    public static string Describe(Gs1Linter linter) => linter switch
    {
        Gs1Linter.CheckDigit => "its last digit must be the GS1 mod-10 check digit",
        Gs1Linter.CheckCharacterPair => "its last two characters must be the GS1 check character pair",
        Gs1Linter.GcpKey or Gs1Linter.GcpKeyAfterFirst or Gs1Linter.GcpPosition1 or Gs1Linter.GcpPosition2
            => "it must start with a GS1 Company Prefix",
        Gs1Linter.Date => "it must be a calendar date YYMMDD",
        Gs1Linter.DateOrDayZero => "it must be a calendar date YYMMDD (day 00 meaning the month's last day)",
        Gs1Linter.LongDate => "it must be a calendar date YYYYMMDD",
        Gs1Linter.LongDateOrDayZero => "it must be a calendar date YYYYMMDD (day 00 meaning the month's last day)",
        Gs1Linter.DateHour => "it must be a date and hour YYMMDDHH",
        Gs1Linter.HourMinute => "it must be a time HHMM",
        Gs1Linter.Hour => "it must be an hour 00–23",
        Gs1Linter.Minute => "it must be a minute 00–59",
        Gs1Linter.Second => "it must be a second 00–59",
        Gs1Linter.Month => "it must be a month 01–12",
        Gs1Linter.MinuteOptionalSecond => "it must be minutes MM, optionally followed by seconds SS",
        Gs1Linter.HoursMinutes => "it must be hours 00–23 and minutes 00–59",
        Gs1Linter.Iso3166 => "it must be an ISO 3166 numeric country code",
        Gs1Linter.Iso3166Or999 => "it must be an ISO 3166 numeric country code or 999",
        Gs1Linter.Iso3166Alpha2 => "it must be an ISO 3166 two-letter country code",
        Gs1Linter.Iso3166List => "it must be a list of ISO 3166 numeric country codes",
        Gs1Linter.Iso4217 => "it must be an ISO 4217 numeric currency code",
        Gs1Linter.Iso5218 => "it must be an ISO 5218 sex code (0, 1, 2 or 9)",
        Gs1Linter.NonZero => "it must not be zero",
        Gs1Linter.NoZeroPrefix => "it must not start with a zero",
        Gs1Linter.Zero => "it must be 0",
        Gs1Linter.YesNo => "it must be 0 or 1",
        Gs1Linter.Winding => "it must be a winding direction 0, 1 or 9",
        Gs1Linter.PieceOfTotal => "the piece number must be between 1 and the total",
        Gs1Linter.PositionInSequence => "it must be a position n/N with 1 ≤ n ≤ N",
        Gs1Linter.HasNonDigit => "it must hold at least one character that is not a digit",
        Gs1Linter.ImporterIndex => "it must be one character of 0-9, A-Z, a-z, - or _",
        Gs1Linter.Hyphen => "it must be hyphens only",
        Gs1Linter.Latitude => "it must be a latitude (0 to 1800000000)",
        Gs1Linter.Longitude => "it must be a longitude (0 to 3600000000)",
        Gs1Linter.MediaType => "it must be an AIDC media type code",
        Gs1Linter.PackageType => "it must be a UN/ECE Recommendation 21 package type code",
        Gs1Linter.PercentEncoded => "every % must begin a two-hex-digit escape",
        Gs1Linter.Iban => "it must be an IBAN with a valid check",
        Gs1Linter.CouponCode => "it must follow the North American coupon code structure",
        Gs1Linter.CouponPositiveOffer => "it must follow the positive offer file coupon structure",
        _ => linter.ToString(),
    };
}
