namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// A content rule that a GS1 data component must satisfy beyond its character set and length, as named by the
/// GS1 Barcode Syntax Resource.
/// </summary>
public enum Gs1Linter
{
    /// <summary>GS1 mod-10 check digit in the last position (GTIN, GLN, SSCC, GSIN…).</summary>
    CheckDigit,

    /// <summary>Two trailing check characters over a CSET 82 string (GMN, AI 8013).</summary>
    CheckCharacterPair,

    /// <summary>
    /// Begins with a plausible GS1 Company Prefix: its first four characters (the shortest GCP) are digits
    /// (<c>key</c>, the earlier name of <see cref="GcpPosition1"/>).
    /// </summary>
    GcpKey,

    /// <summary>
    /// As <see cref="GcpKey"/>, from the second character (after an indicator or extension digit) (<c>keyoff1</c>,
    /// the earlier name of <see cref="GcpPosition2"/>).
    /// </summary>
    GcpKeyAfterFirst,

    /// <summary>Calendar date <c>YYMMDD</c>.</summary>
    Date,

    /// <summary>Calendar date <c>YYMMDD</c> where day <c>00</c> means the last day of the month.</summary>
    DateOrDayZero,

    /// <summary>Calendar date <c>YYYYMMDD</c>.</summary>
    LongDate,

    /// <summary>Calendar date <c>YYYYMMDD</c> where day <c>00</c> means the last day of the month.</summary>
    LongDateOrDayZero,

    /// <summary>Date and hour <c>YYMMDDHH</c> (hour 00–23).</summary>
    DateHour,

    /// <summary>Time of day <c>HHMM</c>: hour 00–23, minute 00–59 (<c>hhmm</c>, the earlier name of <see cref="HoursMinutes"/>).</summary>
    HourMinute,

    /// <summary>Hour <c>HH</c> (00–23).</summary>
    Hour,

    /// <summary>Minute <c>MI</c> (00–59).</summary>
    Minute,

    /// <summary>Second <c>SS</c> (00–59).</summary>
    Second,

    /// <summary>Month <c>MM</c> (01–12).</summary>
    Month,

    /// <summary>Minutes and optional seconds <c>MI[SS]</c>, each 00–59.</summary>
    MinuteOptionalSecond,

    /// <summary>Time of day <c>HHMI</c>: hour 00–23, minute 00–59.</summary>
    HoursMinutes,

    /// <summary>ISO 3166-1 numeric country code.</summary>
    Iso3166,

    /// <summary>ISO 3166-1 numeric country code or <c>999</c>.</summary>
    Iso3166Or999,

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    Iso3166Alpha2,

    /// <summary>One to five concatenated ISO 3166-1 numeric country codes.</summary>
    Iso3166List,

    /// <summary>ISO 4217 numeric currency code.</summary>
    Iso4217,

    /// <summary>ISO/IEC 5218 sex code (0, 1, 2 or 9).</summary>
    Iso5218,

    /// <summary>A number that is not zero (not all digits <c>0</c>).</summary>
    NonZero,

    /// <summary>A number without a leading zero (unless it is <c>0</c>).</summary>
    NoZeroPrefix,

    /// <summary>The digit <c>0</c>.</summary>
    Zero,

    /// <summary><c>0</c> or <c>1</c>.</summary>
    YesNo,

    /// <summary>Winding direction: <c>0</c>, <c>1</c> or <c>9</c>.</summary>
    Winding,

    /// <summary>Piece number and total <c>nntt</c> with 1 ≤ piece ≤ total.</summary>
    PieceOfTotal,

    /// <summary>Position in sequence <c>n/N</c> with 1 ≤ n ≤ N.</summary>
    PositionInSequence,

    /// <summary>Contains at least one character that is not a digit.</summary>
    HasNonDigit,

    /// <summary>Importer index: one character of <c>0-9A-Za-z-_</c>.</summary>
    ImporterIndex,

    /// <summary>Only hyphens.</summary>
    Hyphen,

    /// <summary>Latitude: ten digits, ten-millionths of a degree offset by 90 (at most <c>1800000000</c>).</summary>
    Latitude,

    /// <summary>Longitude: ten digits, ten-millionths of a degree offset by 180 (at most <c>3600000000</c>).</summary>
    Longitude,

    /// <summary>AIDC media type code 01–10 or 80–99.</summary>
    MediaType,

    /// <summary>UN/ECE Recommendation 21 package type code, with the GS1 additions (GS1 PackageTypeCode list).</summary>
    PackageType,

    /// <summary>Percent-encoded text: every <c>%</c> begins a valid two-hex-digit escape.</summary>
    PercentEncoded,

    /// <summary>International Bank Account Number with its mod-97 check.</summary>
    Iban,

    /// <summary>North American coupon code structure (NACC, AI 8110).</summary>
    CouponCode,

    /// <summary>Positive offer file coupon structure (AI 8112).</summary>
    CouponPositiveOffer,

    /// <summary>Begins with a plausible GS1 Company Prefix: its first four characters (the shortest GCP) are digits.</summary>
    GcpPosition1,

    /// <summary>
    /// As <see cref="GcpPosition1"/>, from the second character (after the indicator or extension digit of a GTIN,
    /// SSCC or ITIP).
    /// </summary>
    GcpPosition2,
}
