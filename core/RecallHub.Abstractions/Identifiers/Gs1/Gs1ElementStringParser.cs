namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// Reads GS1 element strings as scanners send them: raw with GS separators, with a leading FNC1 sent as GS, behind a
/// symbology identifier (<c>]d2</c>, <c>]Q3</c>, <c>]C1</c>, <c>]e0</c>, <c>]J1</c>), with a configured GS substitute,
/// or in the bracketed human-readable form <c>(01)…(17)…</c>.
/// </summary>
/// <remarks>
/// The span overload is the hot path (counter scans, bulk imports): it allocates nothing, on good or bad input,
/// and writes positions into buffers the caller owns. The string overloads build a <see cref="BarcodeReading"/>.
/// Parsing stops at the first structural error (unknown identifier, field overrun) because the rest of the data
/// cannot be located; content errors (check digit, date, character set…) are all reported.
/// </remarks>
public static partial class Gs1ElementStringParser
{
    /// <summary>The GS character (ASCII 29) that stands for FNC1 between fields.</summary>
    public const char GroupSeparator = '\x1d';

    // ISO/IEC 15434 envelope announcing GS1 element strings (format 05), as sent by some device scanners.
    private const string Envelope05 = "[)>\u001e05\u001d";

    private const char RecordSeparator = '\u001e';

    /// <summary>A buffer size that holds the elements of any real-world symbol.</summary>
    public const int MaxElements = 64;

    /// <summary>Parses <paramref name="input"/> without allocating.</summary>
    /// <param name="input">What the scanner sent.</param>
    /// <param name="elements">Receives the elements found, in input order.</param>
    /// <param name="errors">Receives the errors found, in input order; further errors are only counted.</param>
    /// <param name="options">How to read, such as <see cref="Gs1ParserOptions.Default"/>.</param>
    /// <returns>How many elements and errors were found.</returns>
    public static Gs1ParseResult Parse(ReadOnlySpan<char> input, Span<Gs1ElementRange> elements, Span<Gs1Error> errors, Gs1ParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sink = new ErrorSink(errors);
        int currentYear = options.CurrentYear();
        string? substitute = string.IsNullOrEmpty(options.GroupSeparatorSubstitute) ? null : options.GroupSeparatorSubstitute;

        int count = 0;
        input = input[..DataEnd(input)];
        int pos = SkipPreamble(input, substitute, ref sink);
        if (pos >= 0)
        {
            count = input[pos] == '('
                ? ReadBracketed(input, pos, elements, currentYear, ref sink)
                : ReadRaw(input, pos, substitute, elements, currentYear, ref sink);
        }

        if (options.CheckAssociations && count > 0)
        {
            CheckAssociations(input, elements[..count], ref sink);
        }

        return new Gs1ParseResult(count, sink.Count);
    }

    /// <summary>
    /// Skips the symbology identifier and the leading FNC1; returns where the first element starts, or -1 after
    /// reporting why there is nothing to read.
    /// </summary>
    private static int SkipPreamble(ReadOnlySpan<char> input, string? substitute, ref ErrorSink sink)
    {
        int pos = 0;
        if (input.Length >= 1 && input[0] == ']')
        {
            // A non-GS1 symbology may still carry GS1 data inside an ISO/IEC 15434 format 05 envelope.
            if (input.Length < 3 || (!IsGs1Symbology(input[1], input[2]) && !input[3..].StartsWith(Envelope05.AsSpan())))
            {
                sink.Add(new Gs1Error(Gs1ErrorCode.UnsupportedSymbology, 0));
                return -1;
            }

            pos = 3;
        }

        if (input[pos..].StartsWith(Envelope05.AsSpan()))
        {
            pos += Envelope05.Length;
        }

        int separator;
        while ((separator = SeparatorLength(input, pos, substitute)) > 0)
        {
            pos += separator;
        }

        if (pos >= input.Length)
        {
            sink.Add(new Gs1Error(Gs1ErrorCode.Empty, pos));
            return -1;
        }

        return pos;
    }

    /// <summary>
    /// Where the element strings end: before the record separator of an ISO/IEC 15434 format 05 envelope, else at
    /// the end of the input.
    /// </summary>
    private static int DataEnd(ReadOnlySpan<char> input)
    {
        // The envelope can only open the data, possibly behind a symbology identifier.
        int envelope = input.StartsWith(Envelope05.AsSpan()) ? 0
            : input.Length > 3 && input[0] == ']' && input[3..].StartsWith(Envelope05.AsSpan()) ? 3
            : -1;
        if (envelope < 0)
        {
            return input.Length;
        }

        int trailer = input[(envelope + Envelope05.Length)..].IndexOf(RecordSeparator);
        return trailer < 0 ? input.Length : envelope + Envelope05.Length + trailer;
    }

    // ]d2 DataMatrix, ]Q3 QR Code, ]C1 GS1-128, ]e0 DataBar, ]J1 DotCode: the identifiers that announce GS1 data.
    private static bool IsGs1Symbology(char symbology, char modifier) =>
        (symbology, modifier) is ('d', '2') or ('Q', '3') or ('C', '1') or ('e', '0') or ('J', '1');

    private static int SeparatorLength(ReadOnlySpan<char> input, int pos, string? substitute)
    {
        if (pos >= input.Length)
        {
            return 0;
        }

        if (input[pos] == GroupSeparator)
        {
            return 1;
        }

        return substitute is not null && input[pos..].StartsWith(substitute.AsSpan()) ? substitute.Length : 0;
    }

    private static int ReadRaw(ReadOnlySpan<char> input, int pos, string? substitute, Span<Gs1ElementRange> elements, int currentYear, ref ErrorSink sink)
    {
        int count = 0;
        while (pos < input.Length)
        {
            if (!TryReadIdentifier(input, pos, out var ai, out int aiLength, ref sink))
            {
                return count;
            }

            int valueStart = pos + aiLength;
            int valueEnd;
            if (ai.IsPredefinedLength)
            {
                valueEnd = valueStart + ai.MaxLength;
                int separator = IndexOfSeparator(input, valueStart, Math.Min(valueEnd, input.Length), substitute);
                if (separator >= 0 || valueEnd > input.Length)
                {
                    sink.Add(new Gs1Error(Gs1ErrorCode.ValueTooShort, separator >= 0 ? separator : input.Length, ai, Expected: ai.MinLength));
                    return count;
                }
            }
            else
            {
                int separator = IndexOfSeparator(input, valueStart, input.Length, substitute);
                valueEnd = separator < 0 ? input.Length : separator;
                if (valueEnd - valueStart > ai.MaxLength)
                {
                    // A fixed-length field overrun is a missing separator; a variable one may be either.
                    var code = ai.IsFixedLength ? Gs1ErrorCode.MissingSeparator : Gs1ErrorCode.ValueTooLong;
                    sink.Add(new Gs1Error(code, valueStart + ai.MaxLength, ai, Expected: ai.MaxLength));
                    return count;
                }
            }

            if (count == elements.Length)
            {
                sink.Add(new Gs1Error(Gs1ErrorCode.TooManyElements, pos, Expected: elements.Length));
                return count;
            }

            elements[count++] = new Gs1ElementRange(ai, pos, valueStart, valueEnd - valueStart);
            ValidateValue(ai, input, valueStart, valueEnd - valueStart, currentYear, ref sink);

            pos = valueEnd;
            int skip;
            while ((skip = SeparatorLength(input, pos, substitute)) > 0)
            {
                pos += skip;
            }
        }

        return count;
    }

    private static int IndexOfSeparator(ReadOnlySpan<char> input, int from, int to, string? substitute)
    {
        var window = input[from..to];
        int gs = window.IndexOf(GroupSeparator);
        if (substitute is not null)
        {
            int sub = window.IndexOf(substitute, StringComparison.Ordinal);
            if (sub >= 0 && (gs < 0 || sub < gs))
            {
                gs = sub;
            }
        }

        return gs < 0 ? -1 : from + gs;
    }

    private static bool TryReadIdentifier(ReadOnlySpan<char> input, int pos, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApplicationIdentifier? ai, out int length, ref ErrorSink sink)
    {
        ai = null;
        length = 0;
        if (input.Length - pos < 2)
        {
            sink.Add(new Gs1Error(char.IsAsciiDigit(input[pos]) ? Gs1ErrorCode.TruncatedIdentifier : Gs1ErrorCode.UnknownIdentifier, pos));
            return false;
        }

        length = ApplicationIdentifiers.GetCodeLength(input[pos..]);
        if (length == 0)
        {
            sink.Add(new Gs1Error(Gs1ErrorCode.UnknownIdentifier, pos));
            return false;
        }

        if (pos + length > input.Length)
        {
            sink.Add(new Gs1Error(Gs1ErrorCode.TruncatedIdentifier, pos));
            return false;
        }

        if (!ApplicationIdentifiers.TryFind(input.Slice(pos, length), out ai))
        {
            sink.Add(new Gs1Error(Gs1ErrorCode.UnknownIdentifier, pos));
            return false;
        }

        return true;
    }

    private static int ReadBracketed(ReadOnlySpan<char> input, int pos, Span<Gs1ElementRange> elements, int currentYear, ref ErrorSink sink)
    {
        int count = 0;
        while (pos < input.Length)
        {
            if (input[pos] != '(' || !TryReadBracketedIdentifier(input, pos, out var ai, out int valueStart))
            {
                int close = input.Length > pos + 1 ? input[(pos + 1)..].IndexOf(')') : -1;
                bool digitsInside = close > 0 && input.Slice(pos + 1, close).IndexOfAnyExceptInRange('0', '9') < 0;
                sink.Add(input[pos] == '(' && digitsInside
                    ? new Gs1Error(Gs1ErrorCode.UnknownIdentifier, pos + 1)
                    : new Gs1Error(Gs1ErrorCode.MalformedBrackets, pos));
                return count;
            }

            int valueEnd = NextBracketedIdentifier(input, valueStart);
            int length = valueEnd - valueStart;
            if (length > ai.MaxLength)
            {
                sink.Add(new Gs1Error(Gs1ErrorCode.ValueTooLong, valueStart + ai.MaxLength, ai, Expected: ai.MaxLength));
            }
            else if (length < ai.MinLength)
            {
                sink.Add(new Gs1Error(Gs1ErrorCode.ValueTooShort, valueEnd, ai, Expected: ai.MinLength));
            }
            else
            {
                ValidateValue(ai, input, valueStart, length, currentYear, ref sink);
            }

            if (count == elements.Length)
            {
                sink.Add(new Gs1Error(Gs1ErrorCode.TooManyElements, pos, Expected: elements.Length));
                return count;
            }

            elements[count++] = new Gs1ElementRange(ai, pos + 1, valueStart, length);
            pos = valueEnd;
        }

        return count;
    }

    private static bool TryReadBracketedIdentifier(ReadOnlySpan<char> input, int open, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApplicationIdentifier? ai, out int valueStart)
    {
        ai = null;
        valueStart = 0;
        int limit = Math.Min(input.Length, open + 6);
        for (int i = open + 1; i < limit; i++)
        {
            if (input[i] == ')')
            {
                valueStart = i + 1;
                return ApplicationIdentifiers.TryFind(input[(open + 1)..i], out ai);
            }
        }

        return false;
    }

    // A '(' inside CSET 82 data is data unless a digit follows it: "(1" can only be meant as an identifier, and a
    // malformed one is reported rather than swallowed into the previous value.
    private static int NextBracketedIdentifier(ReadOnlySpan<char> input, int from)
    {
        for (int i = from; i < input.Length; i++)
        {
            if (input[i] == '(' && i + 1 < input.Length && char.IsAsciiDigit(input[i + 1]))
            {
                return i;
            }
        }

        return input.Length;
    }
}
