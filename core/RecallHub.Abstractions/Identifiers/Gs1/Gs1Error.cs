using System.Globalization;

namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// One problem found in a GS1 element string. A value type that allocates nothing until a message is asked for,
/// so the hot path stays allocation-free even on bad input.
/// </summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Position">Zero-based position in the input (symbology identifier included).</param>
/// <param name="Identifier">The application identifier concerned, when there is one.</param>
/// <param name="Related">A second identifier, for pairing and association errors.</param>
/// <param name="Expected">A number that explains the error: the expected length or check digit, where relevant; else -1.</param>
/// <param name="Rule">The content rule that failed, for content errors.</param>
public readonly record struct Gs1Error(
    Gs1ErrorCode Code,
    int Position,
    ApplicationIdentifier? Identifier = null,
    ApplicationIdentifier? Related = null,
    int Expected = -1,
    Gs1Linter? Rule = null)
{
    /// <summary>The stable upper-case code, such as <c>GS1_INVALID_CHECK_DIGIT</c>.</summary>
    public string StableCode => Code switch
    {
        Gs1ErrorCode.Empty => "GS1_EMPTY",
        Gs1ErrorCode.UnsupportedSymbology => "GS1_UNSUPPORTED_SYMBOLOGY",
        Gs1ErrorCode.TruncatedIdentifier => "GS1_TRUNCATED_IDENTIFIER",
        Gs1ErrorCode.UnknownIdentifier => "GS1_UNKNOWN_IDENTIFIER",
        Gs1ErrorCode.ValueTooShort => "GS1_VALUE_TOO_SHORT",
        Gs1ErrorCode.ValueTooLong => "GS1_VALUE_TOO_LONG",
        Gs1ErrorCode.MissingSeparator => "GS1_MISSING_SEPARATOR",
        Gs1ErrorCode.InvalidCharacter => "GS1_INVALID_CHARACTER",
        Gs1ErrorCode.InvalidCheckDigit => "GS1_INVALID_CHECK_DIGIT",
        Gs1ErrorCode.InvalidDate => "GS1_INVALID_DATE",
        Gs1ErrorCode.InvalidTime => "GS1_INVALID_TIME",
        Gs1ErrorCode.InvalidCode => "GS1_INVALID_CODE",
        Gs1ErrorCode.InvalidValue => "GS1_INVALID_VALUE",
        Gs1ErrorCode.DuplicateIdentifier => "GS1_DUPLICATE_IDENTIFIER",
        Gs1ErrorCode.MissingAssociation => "GS1_MISSING_ASSOCIATION",
        Gs1ErrorCode.InvalidPairing => "GS1_INVALID_PAIRING",
        Gs1ErrorCode.TooManyElements => "GS1_TOO_MANY_ELEMENTS",
        Gs1ErrorCode.MalformedBrackets => "GS1_MALFORMED_BRACKETS",
        Gs1ErrorCode.Ambiguous => "GS1_AMBIGUOUS",
        _ => "GS1_" + Code.ToString().ToUpperInvariant(),
    };

    /// <summary>A plain English sentence saying what is wrong and where.</summary>
    public string Message
    {
        get
        {
            string at = Position.ToString(CultureInfo.InvariantCulture);
            string ai = Identifier is null ? "" : $"AI ({Identifier.Code}) {Identifier.Title}";
            string expected = Expected.ToString(CultureInfo.InvariantCulture);
            return Code switch
            {
                Gs1ErrorCode.Empty => $"The code holds no GS1 data after position {at}.",
                Gs1ErrorCode.UnsupportedSymbology => $"The symbology identifier at position {at} does not announce GS1 data (expected ]d2, ]Q3, ]C1, ]e0 or ]J1).",
                Gs1ErrorCode.TruncatedIdentifier => $"The data ends inside an application identifier at position {at}.",
                Gs1ErrorCode.UnknownIdentifier => $"No GS1 application identifier starts at position {at}.",
                Gs1ErrorCode.ValueTooShort => $"{ai} at position {at} is too short: it needs at least {expected} characters.",
                Gs1ErrorCode.ValueTooLong => $"{ai} is too long at position {at}: it holds at most {expected} characters (is a GS separator missing?).",
                Gs1ErrorCode.MissingSeparator => $"{ai} must be followed by a GS separator before the next element at position {at}.",
                Gs1ErrorCode.InvalidCharacter => $"{ai} has a character at position {at} that its format does not allow.",
                Gs1ErrorCode.InvalidCheckDigit => Expected >= 0
                    ? $"{ai} has a wrong check digit at position {at}: it should be {expected}."
                    : $"{ai} has wrong check characters at position {at}.",
                Gs1ErrorCode.InvalidDate => $"{ai} at position {at} is not a valid date{RuleText()}.",
                Gs1ErrorCode.InvalidTime => $"{ai} at position {at} is not a valid time{RuleText()}.",
                Gs1ErrorCode.InvalidCode => $"{ai} at position {at} is not a valid code{RuleText()}.",
                Gs1ErrorCode.InvalidValue => $"{ai} at position {at} breaks a rule of its field{RuleText()}.",
                Gs1ErrorCode.DuplicateIdentifier => $"{ai} appears again at position {at} with a different value.",
                Gs1ErrorCode.MissingAssociation => $"{ai} at position {at} must appear with {Requirement()}.",
                Gs1ErrorCode.InvalidPairing => $"{ai} at position {at} must not appear with AI ({Related?.Code}) {Related?.Title}.",
                Gs1ErrorCode.TooManyElements => $"Too many elements: more than {expected} at position {at}.",
                Gs1ErrorCode.MalformedBrackets => $"The bracketed form is malformed at position {at}.",
                Gs1ErrorCode.Ambiguous => Expected >= 0
                    ? $"Without GS separators the code can be read in {expected} valid ways; rescan with a scanner that sends GS."
                    : $"Without GS separators the code can be read in at least {(-Expected).ToString(CultureInfo.InvariantCulture)} valid ways; rescan with a scanner that sends GS.",
                _ => $"{Code} at position {at}.",
            };
        }
    }

    private string RuleText() => Rule is { } rule ? ": " + Gs1LinterDescriptions.Describe(rule) : "";

    private string Requirement()
    {
        if (Identifier is null || Expected < 0 || Expected >= Identifier.Requirements.Count)
        {
            return "its key identifier";
        }

        return "AI " + string.Join(" or ", Identifier.Requirements[Expected].Split('|').Select(a => "(" + a.Replace("+", ")+(", StringComparison.Ordinal) + ")"));
    }

    /// <summary>The error as an <see cref="IdentifierError"/> for the scheme-neutral reading.</summary>
    public IdentifierError ToIdentifierError() => new(StableCode, Position, Message);
}
