namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// What is wrong with a GS1 element string. Values are stable; <see cref="Gs1Error.StableCode"/> gives the
/// upper-case code used in JSON output and documentation (<c>GS1_</c> followed by the name in snake case).
/// </summary>
public enum Gs1ErrorCode
{
    /// <summary>No data after the symbology identifier and FNC1.</summary>
    Empty = 1,

    /// <summary>A symbology identifier (<c>]xn</c>) that does not announce GS1 data.</summary>
    UnsupportedSymbology = 2,

    /// <summary>The data ends in the middle of an application identifier.</summary>
    TruncatedIdentifier = 3,

    /// <summary>An application identifier that is not in the GS1 table (or is not made of digits).</summary>
    UnknownIdentifier = 4,

    /// <summary>A field is shorter than its format allows.</summary>
    ValueTooShort = 5,

    /// <summary>A field is longer than its format allows (often a missing FNC1/GS separator).</summary>
    ValueTooLong = 6,

    /// <summary>A field that is not of predefined length is followed by another element without a separator.</summary>
    MissingSeparator = 7,

    /// <summary>A character outside the field's character set.</summary>
    InvalidCharacter = 8,

    /// <summary>A GS1 mod-10 check digit (or check character pair) that does not match.</summary>
    InvalidCheckDigit = 9,

    /// <summary>A date that is not a calendar date (or uses day 00 where the field does not allow it).</summary>
    InvalidDate = 10,

    /// <summary>A time of day or duration that is out of range.</summary>
    InvalidTime = 11,

    /// <summary>A country, currency or other coded value that is not in its code list.</summary>
    InvalidCode = 12,

    /// <summary>A value that breaks a rule of its field (zero where not allowed, bad structure…).</summary>
    InvalidValue = 13,

    /// <summary>The same application identifier appears twice with different values.</summary>
    DuplicateIdentifier = 14,

    /// <summary>An application identifier appears without one it must be associated with (e.g. 21 without 01).</summary>
    MissingAssociation = 15,

    /// <summary>Two application identifiers that must never appear together.</summary>
    InvalidPairing = 16,

    /// <summary>More elements than the caller's buffer holds.</summary>
    TooManyElements = 17,

    /// <summary>The bracketed human-readable form is malformed (unclosed or empty brackets).</summary>
    MalformedBrackets = 18,

    /// <summary>Without separators the data can be split into more than one valid reading.</summary>
    Ambiguous = 19,
}
