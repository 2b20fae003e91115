using System.Globalization;
using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>
/// Reads IFA codes: an ISO/IEC 15434 message in format <c>06</c> whose fields carry ASC MH10.8.2 data identifiers
/// (the PPN in <c>9N</c>, lot <c>1T</c>, expiry <c>D</c>, serial <c>S</c>…), as printed on German medicine packs and on
/// devices whose UDI is issued by IFA.
/// </summary>
/// <remarks>
/// <para>
/// Shape: <c>[)&gt;</c> RS <c>06</c> GS field GS field … RS EOT, where RS, GS and EOT are U+001E, U+001D and U+0004. A
/// leading AIM symbology identifier (<c>]d1</c>, <c>]Q1</c>…), a missing trailer (RS EOT, or only EOT) and a trailing
/// CR/LF are accepted. Unknown data identifiers are kept as elements without error. Format <c>05</c> (GS1 data in the
/// same envelope) is not read here: it is reported as <see cref="IfaErrorCodes.Format"/> with the scheme set to
/// <see cref="IdentifierScheme.Gs1"/>.
/// </para>
/// <para>
/// Rules and where they come from. PPN check digits: the sum, over every character but the last two, of the
/// character's ASCII code times its weight (2 for the first character, 3 for the second…), modulo 97, written as two
/// digits (IFA "Check Digit Calculations PZN/PPN" as implemented by public decoders; published example
/// <c>110375286414</c>). A PPN is 4 to 22 capital letters and digits ending with its two check digits; agency code
/// <c>11</c> is followed by the 8-digit PZN, whose own check digit is the sum of its first seven digits weighted 1 to 7,
/// modulo 11. <c>D</c> is <c>YYMMDD</c> with day <c>00</c> meaning the last day of the month; <c>16D</c> is
/// <c>YYYYMMDD</c> (day <c>00</c> accepted the same way); <c>1T</c> and <c>S</c> hold 1 to 20 characters; <c>8P</c> is
/// a GTIN checked with the GS1 mod-10 rule and returned as 14 digits.
/// </para>
/// <para>
/// Not confirmed against the IFA specification text itself: the IFA states that two-digit expiry years are in the 21st
/// century, while this parser applies the GS1 century rule (within −49/+50 years of the current year), which gives the
/// same result for every plausible expiry; the characters allowed in <c>1T</c> and <c>S</c> are only checked for
/// control characters.
/// </para>
/// </remarks>
public static class IfaParser
{
    private const char RecordSeparator = '\u001e';
    private const char GroupSeparator = '\u001d';
    private const char EndOfTransmission = '\u0004';
    private const int MaxLotLength = 20;
    private const int MinPpnLength = 4;
    private const int MaxPpnLength = 22;

    /// <summary>Reads an IFA (ISO/IEC 15434 format 06) code.</summary>
    /// <param name="input">The scanned text, as received (control characters included).</param>
    /// <param name="timeProvider">Gives the current year for two-digit expiry years.</param>
    /// <returns>
    /// A reading with <see cref="IdentifierScheme.Ifa"/> (<see cref="IdentifierScheme.Unknown"/> without the envelope,
    /// <see cref="IdentifierScheme.Gs1"/> for format 05), the PPN, the UDI-DI (the PPN, or the GTIN when there is no
    /// PPN), the GTIN, lot, serial, expiry and production dates, every field as an element, and every problem found.
    /// </returns>
    public static BarcodeReading Parse(string input, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        input ??= string.Empty;
        var builder = new UdiReadingBuilder(input, IdentifierScheme.Unknown);
        ReadOnlySpan<char> all = input;
        all = all[..UdiText.TrimmedEnd(all)];
        int pos = UdiText.SymbologyIdentifierLength(all);

        if (!all[pos..].StartsWith("[)>"))
        {
            string found = pos < all.Length ? $"position {UdiText.At(pos)} holds {UdiText.Describe(all[pos])}" : "the input is empty";
            builder.AddError(
                IfaErrorCodes.Envelope,
                pos,
                $"An IFA code is an ISO/IEC 15434 message that starts with '[)>' and RS, but {found}.");
            return builder.Build();
        }

        builder.Scheme = IdentifierScheme.Ifa;
        pos += 3;
        if (pos >= all.Length || all[pos] != RecordSeparator)
        {
            builder.AddError(
                IfaErrorCodes.Envelope,
                pos,
                $"The record separator RS (U+001E) must follow '[)>' at position {UdiText.At(pos)}, but {Found(all, pos)}.");
            return builder.Build();
        }

        pos++;
        if (!UdiText.TryDigits(all, pos, 2, out int format))
        {
            builder.AddError(
                IfaErrorCodes.Format,
                pos,
                $"A two-digit format number must follow '[)>' RS at position {UdiText.At(pos)}, but {Found(all, pos)}.");
            return builder.Build();
        }

        if (format == 5)
        {
            builder.Scheme = IdentifierScheme.Gs1;
            builder.AddError(
                IfaErrorCodes.Format,
                pos,
                $"Format 05 at position {UdiText.At(pos)} carries GS1 element strings: it must be read as GS1 data, not as IFA data identifiers.");
            return builder.Build();
        }

        if (format != 6)
        {
            builder.AddError(
                IfaErrorCodes.Format,
                pos,
                $"Format {all.Slice(pos, 2).ToString()} at position {UdiText.At(pos)} is not supported: IFA codes use format 06 (data identifiers).");
            return builder.Build();
        }

        pos += 2;
        if (pos >= all.Length || all[pos] != GroupSeparator)
        {
            builder.AddError(
                IfaErrorCodes.Envelope,
                pos,
                $"The group separator GS (U+001D) must follow format 06 at position {UdiText.At(pos)}, but {Found(all, pos)}.");
            return builder.Build();
        }

        pos++;
        var fields = new FieldReader(builder, timeProvider.GetUtcNow().Year);
        while (true)
        {
            int length = all[pos..].IndexOfAny(GroupSeparator, RecordSeparator, EndOfTransmission);
            int fieldEnd = length < 0 ? all.Length : pos + length;
            fields.Read(all[pos..fieldEnd], pos);
            if (fieldEnd == all.Length)
            {
                break;
            }

            if (all[fieldEnd] == GroupSeparator)
            {
                pos = fieldEnd + 1;
                if (pos == all.Length)
                {
                    break;
                }

                continue;
            }

            int trailer = fieldEnd;
            if (all[trailer] == RecordSeparator)
            {
                trailer++;
            }

            if (trailer < all.Length && all[trailer] == EndOfTransmission)
            {
                trailer++;
            }

            if (trailer < all.Length)
            {
                builder.AddError(
                    IfaErrorCodes.Envelope,
                    trailer,
                    $"Data follows the end of the format 06 envelope at position {UdiText.At(trailer)}; only one envelope is read.");
            }

            break;
        }

        builder.UdiDi = builder.Ppn ?? builder.Gtin;
        return builder.Build();
    }

    private static string Found(ReadOnlySpan<char> s, int pos) =>
        pos < s.Length ? $"it holds {UdiText.Describe(s[pos])}" : "the data ends there";

    /// <summary>Reads the fields of one format 06 envelope.</summary>
    private sealed class FieldReader(UdiReadingBuilder builder, int currentYear)
    {
        private List<string>? _seen;

        public void Read(ReadOnlySpan<char> field, int at)
        {
            if (field.IsEmpty)
            {
                builder.AddError(
                    IfaErrorCodes.DataIdentifier,
                    at,
                    $"An empty field was found at position {UdiText.At(at)} (two separators in a row).");
                return;
            }

            int digits = 0;
            while (digits < field.Length && char.IsAsciiDigit(field[digits]))
            {
                digits++;
            }

            if (digits > 3 || digits >= field.Length || !char.IsAsciiLetterUpper(field[digits]))
            {
                builder.AddError(
                    IfaErrorCodes.DataIdentifier,
                    at,
                    $"The field at position {UdiText.At(at)} does not start with a data identifier (up to three digits and a capital letter): "
                    + $"'{Excerpt(field)}'.");
                return;
            }

            ReadOnlySpan<char> diText = field[..(digits + 1)];
            string di = KnownIdentifier(diText) ?? diText.ToString();
            ReadOnlySpan<char> value = field[(digits + 1)..];
            int valueAt = at + digits + 1;
            string text = value.ToString();

            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsControl(value[i]))
                {
                    builder.AddError(
                        IfaErrorCodes.InvalidCharacter,
                        valueAt + i,
                        $"The {di} field holds the control character {UdiText.Describe(value[i])} at position {UdiText.At(valueAt + i)}.");
                    break;
                }
            }

            if ((_seen ??= []).Contains(di))
            {
                builder.AddElement(di, text);
                builder.AddError(
                    IfaErrorCodes.DuplicateIdentifier,
                    at,
                    $"The data identifier {di} at position {UdiText.At(at)} appears a second time; the first value is kept.");
                return;
            }

            _seen.Add(di);
            builder.AddElement(di, text);
            switch (di)
            {
                case "9N":
                    ReadPpn(value, text, valueAt);
                    break;
                case "1T":
                    if (CheckLength(value, valueAt, "lot number (1T)"))
                    {
                        builder.Lot = text;
                    }

                    break;
                case "S":
                    if (CheckLength(value, valueAt, "serial number (S)"))
                    {
                        builder.Serial = text;
                    }

                    break;
                case "D":
                    if (value.Length == 6 && Gs1Date.TryRead(value, currentYear, allowDayZero: true, out DateOnly expiry))
                    {
                        builder.Expiry = expiry;
                    }
                    else
                    {
                        DateError(value, valueAt, "expiry date (D)", "YYMMDD");
                    }

                    break;
                case "16D":
                    if (value.Length == 8 && Gs1Date.TryReadLong(value, allowDayZero: true, out DateOnly made))
                    {
                        builder.ProductionDate = made;
                    }
                    else
                    {
                        DateError(value, valueAt, "production date (16D)", "YYYYMMDD");
                    }

                    break;
                case "8P":
                    ReadGtin(value, valueAt);
                    break;
            }
        }

        private static string? KnownIdentifier(ReadOnlySpan<char> di) => di switch
        {
            "9N" => "9N",
            "1T" => "1T",
            "S" => "S",
            "D" => "D",
            "16D" => "16D",
            "8P" => "8P",
            "Q" => "Q",
            "1P" => "1P",
            "P" => "P",
            _ => null,
        };

        private static string Excerpt(ReadOnlySpan<char> s) => s.Length <= 24 ? s.ToString() : string.Concat(s[..24], "…");

        private bool CheckLength(ReadOnlySpan<char> value, int at, string what)
        {
            if (value.IsEmpty)
            {
                builder.AddError(IfaErrorCodes.Length, at, $"The {what} at position {UdiText.At(at)} is empty.");
                return false;
            }

            if (value.Length > MaxLotLength)
            {
                builder.AddError(
                    IfaErrorCodes.Length,
                    at + MaxLotLength,
                    $"The {what} at position {UdiText.At(at)} has {UdiText.At(value.Length)} characters; at most 20 are allowed.");
            }

            return true;
        }

        private void DateError(ReadOnlySpan<char> value, int at, string what, string pattern) =>
            builder.AddError(
                IfaErrorCodes.InvalidDate,
                at,
                $"The {what} at position {UdiText.At(at)} must be a calendar date written {pattern}, but it is '{Excerpt(value)}'.");

        private void ReadPpn(ReadOnlySpan<char> ppn, string text, int at)
        {
            if (ppn.Length is < MinPpnLength or > MaxPpnLength)
            {
                builder.AddError(
                    IfaErrorCodes.PpnFormat,
                    at,
                    $"The PPN at position {UdiText.At(at)} has {UdiText.At(ppn.Length)} characters; a PPN has 4 to 22 (agency code, national "
                    + "product number, two check digits).");
                return;
            }

            for (int i = 0; i < ppn.Length; i++)
            {
                char c = ppn[i];
                bool allowed = i >= ppn.Length - 2 ? char.IsAsciiDigit(c) : char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);
                if (!allowed)
                {
                    string rule = i >= ppn.Length - 2 ? "its last two characters are check digits" : "only capital letters and digits are allowed";
                    builder.AddError(
                        IfaErrorCodes.PpnFormat,
                        at + i,
                        $"The PPN holds {UdiText.Describe(c)} at position {UdiText.At(at + i)}; {rule}.");
                    return;
                }
            }

            builder.Ppn = text;
            int expected = PpnCheckValue(ppn[..^2]);
            UdiText.TryDigits(ppn, ppn.Length - 2, 2, out int actual);
            if (actual != expected)
            {
                string expectedText = expected.ToString("00", CultureInfo.InvariantCulture);
                builder.AddError(
                    IfaErrorCodes.PpnCheck,
                    at + ppn.Length - 2,
                    $"The PPN check digits at position {UdiText.At(at + ppn.Length - 2)} are '{ppn[^2..].ToString()}', but the PPN gives "
                    + $"'{expectedText}'. The code was misread or misprinted.");
            }

            // Agency code 11 (Germany): the national number is the 8-digit PZN, which has its own check digit.
            if (ppn.Length == 12 && ppn.StartsWith("11") && UdiText.FirstNonDigit(ppn) < 0)
            {
                ReadOnlySpan<char> pzn = ppn.Slice(2, 8);
                int sum = 0;
                for (int i = 0; i < 7; i++)
                {
                    sum += (pzn[i] - '0') * (i + 1);
                }

                int check = sum % 11;
                if (check != pzn[7] - '0')
                {
                    string detail = check == 10
                        ? "no valid PZN can have these first seven digits (their check value is 10)"
                        : $"its check digit should be {UdiText.At(check)}";
                    builder.AddError(
                        IfaErrorCodes.PznCheck,
                        at + 9,
                        $"The PZN {pzn.ToString()} inside the PPN at position {UdiText.At(at + 2)} is not valid: {detail}.");
                }
            }
        }

        /// <summary>IFA PPN check value: sum of each character's ASCII code times its weight (2, 3, 4…), modulo 97.</summary>
        private static int PpnCheckValue(ReadOnlySpan<char> body)
        {
            int sum = 0;
            for (int i = 0; i < body.Length; i++)
            {
                sum += body[i] * (i + 2);
            }

            return sum % 97;
        }

        private void ReadGtin(ReadOnlySpan<char> value, int at)
        {
            int bad = UdiText.FirstNonDigit(value);
            if (bad >= 0 || value.Length is not (8 or 12 or 13 or 14))
            {
                string problem = bad >= 0
                    ? $"it holds {UdiText.Describe(value[bad])} at position {UdiText.At(at + bad)}"
                    : $"it has {UdiText.At(value.Length)} digits";
                builder.AddError(
                    IfaErrorCodes.Gtin,
                    bad >= 0 ? at + bad : at,
                    $"The GTIN (8P) at position {UdiText.At(at)} must be 8, 12, 13 or 14 digits, but {problem}.");
                return;
            }

            string gtin = value.Length == 14 ? value.ToString() : string.Concat(new string('0', 14 - value.Length), value);
            builder.Gtin = gtin;
            if (!Gs1CheckDigit.IsValid(gtin))
            {
                int expected = Gs1CheckDigit.Compute(gtin.AsSpan(0, 13));
                builder.AddError(
                    IfaErrorCodes.GtinCheck,
                    at + value.Length - 1,
                    $"The GTIN check digit at position {UdiText.At(at + value.Length - 1)} is '{value[^1]}', but the GTIN gives "
                    + $"'{UdiText.At(expected)}'. The code was misread or misprinted.");
            }
        }
    }
}
