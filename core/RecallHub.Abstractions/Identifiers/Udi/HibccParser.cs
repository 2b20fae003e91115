using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>
/// Reads HIBC Supplier Labeling Standard codes (ANSI/HIBC 2.x): the HIBCC UDI carried by medical devices.
/// </summary>
/// <remarks>
/// <para>
/// Accepted shapes: a primary symbol <c>+LLLLP…PU</c> + check; a secondary symbol <c>+</c> + secondary data + link +
/// check; both in one symbol, <c>+LLLLP…PU/</c> + secondary data (+ <c>/</c> supplemental fields) + check; and several
/// linear symbols read one after the other (primary first), each with its own check character, the later ones
/// carrying the primary's check character as their link character. A leading AIM symbology identifier
/// (<c>]C0</c>, <c>]d1</c>…), Code 39 <c>*</c> start/stop characters and a trailing CR/LF are ignored. Elements:
/// <c>LIC</c>, <c>PCN</c>, <c>UOM</c>; each secondary field under its flag as encoded (<c>$</c>, <c>$+</c>,
/// <c>$$</c> and <c>$$+</c> for <c>MMYY</c>, <c>$$2</c>…<c>$$9</c>, <c>$$+2</c>…<c>$$+9</c>), <c>YYJJJ</c> for the
/// Julian form; <c>S</c>, <c>Q</c>, <c>14D</c>, <c>16D</c>; and <c>LINK</c> for the link character of a secondary
/// symbol read without its primary.
/// </para>
/// <para>
/// Rules and where they come from. Labeler code of 4 characters starting with a letter, product number of 1 to 18
/// capital letters or digits, one unit-of-measure digit: ANSI/HIBC 2.x as summarised by the BWIPP "HIBC Data
/// Structures" documentation (HIBCC's own formatter page gives the labeler code rule and the older 13-character
/// limit). The check character: sum of the HIBC values of every character before it
/// (<c>0</c>–<c>9</c> = 0–9, <c>A</c>–<c>Z</c> = 10–35, <c>-</c> 36, <c>.</c> 37, space 38, <c>$</c> 39, <c>/</c> 40,
/// <c>+</c> 41, <c>%</c> 42), modulo 43, from the leading <c>+</c> on (HIBCC; checked against published examples
/// such as <c>+A123BJC5D6E71G</c>). Secondary data: a 5-digit Julian date <c>YYJJJ</c> then a lot of up to 13
/// characters; <c>$</c> + lot; <c>$+</c> + serial; <c>$$</c> (lot) or <c>$$+</c> (serial) followed by a format
/// digit, where 0 or 1 is the first digit of <c>MMYY</c>, 2–6 introduce <c>MMDDYY</c>, <c>YYMMDD</c>,
/// <c>YYMMDDHH</c>, <c>YYJJJ</c>, <c>YYJJJHH</c>, 7 means no date, 8 and 9 introduce a 2- or 5-digit quantity
/// optionally followed by one of the date forms; lot and serial up to 18 characters (BWIPP documentation; the same
/// table is implemented by several public decoders). Supplemental fields after <c>/</c>: <c>S</c> serial,
/// <c>16D</c> manufacture date and <c>14D</c> expiry date as <c>YYYYMMDD</c>, <c>Q</c> quantity (public decoders).
/// </para>
/// <para>
/// Not confirmed against the ANSI/HIBC text itself, and therefore conventions of this parser: two-digit years use the
/// GS1 century rule (within −49/+50 years of the current year); an <c>MMYY</c> expiry is read as the last day of that
/// month (some public decoders use the first day); after a quantity, a digit 0–6 is read as the start of a date, 7 as
/// "no date" and anything else as the start of the lot; lot and serial characters are only checked against the HIBC
/// character set. The parser never throws on malformed input: every problem is an <see cref="IdentifierError"/>
/// whose code starts with <c>HIBCC_</c>.
/// </para>
/// </remarks>
public static class HibccParser
{
    private const string CharacterSet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
    private const int MaxSymbols = 16;
    private const int MaxProductLength = 18;
    private const int MaxLotLength = 18;
    private const int MaxJulianLotLength = 13;

    /// <summary>Reads a HIBCC code.</summary>
    /// <param name="input">The scanned text, as received.</param>
    /// <param name="timeProvider">Gives the current year for two-digit years.</param>
    /// <returns>
    /// A reading with <see cref="IdentifierScheme.Hibcc"/> (or <see cref="IdentifierScheme.Unknown"/> when the input does
    /// not start with <c>+</c>), the labeler, product, unit of measure, UDI-DI (labeler + product + unit of measure),
    /// lot, serial, expiry and manufacture dates, and every problem found.
    /// </returns>
    public static BarcodeReading Parse(string input, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        input ??= string.Empty;
        var builder = new UdiReadingBuilder(input, IdentifierScheme.Unknown);

        ReadOnlySpan<char> all = input;
        int end = UdiText.TrimmedEnd(all);
        int start = UdiText.SymbologyIdentifierLength(all[..end]);
        if (end - start >= 2 && all[start] == '*' && all[end - 1] == '*')
        {
            // The asterisks of a Code 39 caption are not bar code data.
            start++;
            end--;
        }

        ReadOnlySpan<char> data = all[start..end];
        if (data.IsEmpty)
        {
            builder.AddError(HibccErrorCodes.Flag, start, "The input is empty: a HIBC code starts with '+'.");
            return builder.Build();
        }

        if (data[0] != '+')
        {
            builder.AddError(
                HibccErrorCodes.Flag,
                start,
                $"A HIBC code starts with '+', but position {UdiText.At(start)} holds {UdiText.Describe(data[0])}.");
            return builder.Build();
        }

        builder.Scheme = IdentifierScheme.Hibcc;
        if (!CheckCharacterSet(data, start, builder))
        {
            return builder.Build();
        }

        if (data.Length < 3)
        {
            builder.AddError(
                HibccErrorCodes.TooShort,
                start,
                $"The HIBC code at position {UdiText.At(start)} is too short: it needs '+', data and a check character.");
            return builder.Build();
        }

        Span<int> sums = data.Length < 256 ? stackalloc int[data.Length + 1] : new int[data.Length + 1];
        for (int i = 0; i < data.Length; i++)
        {
            sums[i + 1] = sums[i] + Value(data[i]);
        }

        var reader = new Reader(data, sums, start, timeProvider.GetUtcNow().Year, builder);
        reader.Read();
        return builder.Build();
    }

    private static bool CheckCharacterSet(ReadOnlySpan<char> data, int offset, UdiReadingBuilder builder)
    {
        int first = -1;
        int count = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (Value(data[i]) < 0)
            {
                if (first < 0)
                {
                    first = i;
                }

                count++;
            }
        }

        if (first < 0)
        {
            return true;
        }

        char c = data[first];
        string hint = char.IsAsciiLetterLower(c) ? " HIBC uses capital letters only (is Caps Lock on on the scanner's keyboard?)." : string.Empty;
        builder.AddError(
            HibccErrorCodes.CharacterSet,
            offset + first,
            $"{UdiText.Describe(c)} at position {UdiText.At(offset + first)} is not in the HIBC character set (digits, capital letters, "
            + $"'-', '.', space, '$', '/', '+', '%'); {UdiText.At(count)} character(s) in all are outside it.{hint}");
        return false;
    }

    /// <summary>The HIBC value of each ASCII character (its index in <see cref="CharacterSet"/>), or -1.</summary>
    private static readonly sbyte[] Values = BuildValues();

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (int i = 0; i < CharacterSet.Length; i++)
        {
            values[CharacterSet[i]] = (sbyte)i;
        }

        return values;
    }

    private static int Value(char c) => c < 128 ? Values[c] : -1;

    private static bool IsLetterOrDigit(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);

    private static string Excerpt(ReadOnlySpan<char> s) => s.Length <= 24 ? s.ToString() : string.Concat(s[..24], "…");

    /// <summary>Walks one HIBC code: finds its symbols, checks them and fills the builder.</summary>
    private readonly ref struct Reader
    {
        private readonly ReadOnlySpan<char> _data;
        private readonly Span<int> _sums;
        private readonly int _offset;
        private readonly int _currentYear;
        private readonly UdiReadingBuilder _builder;

        public Reader(ReadOnlySpan<char> data, Span<int> sums, int offset, int currentYear, UdiReadingBuilder builder)
        {
            _data = data;
            _sums = sums;
            _offset = offset;
            _currentYear = currentYear;
            _builder = builder;
        }

        public void Read()
        {
            Span<int> starts = stackalloc int[MaxSymbols + 1];

            // Several linear symbols read one after the other are recognised by their own check characters and by the
            // link characters that tie them to the primary; a single symbol by its one check character.
            int symbols = Decompose(requireLinks: true, starts);
            if (symbols >= 2)
            {
                ReadSymbols(starts[..symbols]);
            }
            else if (CheckOk(0, _data.Length))
            {
                ReadSingle(checkOk: true);
            }
            else if ((symbols = Decompose(requireLinks: false, starts)) >= 2)
            {
                ReadSymbols(starts[..symbols]);
            }
            else
            {
                ReadSingle(checkOk: false);
            }
        }

        private bool CheckOk(int from, int to) =>
            to - from >= 2 && (_sums[to - 1] - _sums[from]) % 43 == Value(_data[to - 1]);

        private char ExpectedCheck(int from, int to) => CharacterSet[(_sums[to - 1] - _sums[from]) % 43];

        /// <summary>
        /// Splits the data into two or more symbols (each starting with '+' and ending with a valid check character,
        /// the first one a primary) and writes their start positions; returns the number of symbols, or 0.
        /// </summary>
        private int Decompose(bool requireLinks, Span<int> starts)
        {
            if (!char.IsAsciiLetterUpper(_data[1]))
            {
                return 0;
            }

            Span<int> plus = stackalloc int[MaxSymbols];
            int m = 0;
            for (int i = 1; i < _data.Length; i++)
            {
                if (_data[i] == '+')
                {
                    if (m == MaxSymbols)
                    {
                        return 0;
                    }

                    plus[m++] = i;
                }
            }

            Span<int> next = stackalloc int[MaxSymbols];
            for (int p = 0; p < m; p++)
            {
                int primaryEnd = plus[p];

                // '+', 4-character labeler, at least one product character, unit of measure, check character.
                if (primaryEnd < 8 || !CheckOk(0, primaryEnd))
                {
                    continue;
                }

                char link = _data[primaryEnd - 1];
                for (int k = m - 1; k >= p; k--)
                {
                    next[k] = -1;
                    for (int c = k + 1; c <= m; c++)
                    {
                        int to = c == m ? _data.Length : plus[c];
                        if (to - plus[k] >= 4 && (c == m || next[c] >= 0) && CheckOk(plus[k], to)
                            && (!requireLinks || _data[to - 2] == link))
                        {
                            next[k] = c;
                            break;
                        }
                    }
                }

                if (next[p] < 0)
                {
                    continue;
                }

                int count = 0;
                starts[count++] = 0;
                for (int k = p; k < m; k = next[k])
                {
                    starts[count++] = plus[k];
                }

                return count;
            }

            return 0;
        }

        private void ReadSingle(bool checkOk)
        {
            int last = _data.Length - 1;
            if (!checkOk)
            {
                _builder.AddError(
                    HibccErrorCodes.CheckCharacter,
                    _offset + last,
                    $"The check character at position {UdiText.At(_offset + last)} is {UdiText.Describe(_data[last])}, but the data "
                    + $"before it gives '{ExpectedCheck(0, _data.Length)}'. The code was misread or misprinted (or, if several "
                    + "symbols were read together, one of them has a wrong check character).");
            }

            ReadOnlySpan<char> content = _data[1..last];
            int contentAt = 1;
            if (char.IsAsciiLetterUpper(content[0]))
            {
                ReadFields(content, contentAt, primaryFirst: true);
                return;
            }

            if (content[0] != '$' && !char.IsAsciiDigit(content[0]))
            {
                _builder.AddError(
                    HibccErrorCodes.SecondaryFormat,
                    _offset + contentAt,
                    $"After '+', a HIBC code holds a labeler code (a letter) or secondary data ('$' or a digit), but position "
                    + $"{UdiText.At(_offset + contentAt)} holds {UdiText.Describe(content[0])}.");
                return;
            }

            // A secondary symbol on its own: its last data character links it to the primary symbol's check character,
            // which is not here to compare with.
            if (content.Length < 2)
            {
                _builder.AddError(
                    HibccErrorCodes.TooShort,
                    _offset + contentAt,
                    $"The secondary symbol at position {UdiText.At(_offset)} has no data before its link and check characters.");
                return;
            }

            _builder.AddElement("LINK", content[^1].ToString());
            ReadFields(content[..^1], contentAt, primaryFirst: false);
        }

        private void ReadSymbols(ReadOnlySpan<int> starts)
        {
            int primaryEnd = starts[1];
            char primaryCheck = _data[primaryEnd - 1];
            ReadFields(_data[1..(primaryEnd - 1)], 1, primaryFirst: true);
            for (int s = 1; s < starts.Length; s++)
            {
                int from = starts[s];
                int to = s + 1 < starts.Length ? starts[s + 1] : _data.Length;
                int linkAt = to - 2;
                char link = _data[linkAt];
                if (link != primaryCheck)
                {
                    _builder.AddError(
                        HibccErrorCodes.LinkCharacter,
                        _offset + linkAt,
                        $"The link character at position {UdiText.At(_offset + linkAt)} is {UdiText.Describe(link)}, but the primary "
                        + $"symbol's check character is '{primaryCheck}': this secondary data does not belong to that product.");
                }

                ReadFields(_data[(from + 1)..linkAt], from + 1, primaryFirst: false);
            }
        }

        /// <summary>Reads '/'-separated fields; <paramref name="at"/> is the position of <paramref name="content"/> in the data.</summary>
        private void ReadFields(ReadOnlySpan<char> content, int at, bool primaryFirst)
        {
            bool first = true;
            while (true)
            {
                int slash = content.IndexOf('/');
                ReadOnlySpan<char> field = slash < 0 ? content : content[..slash];
                if (first && primaryFirst)
                {
                    ReadPrimary(field, _offset + at);
                }
                else
                {
                    ReadSecondaryField(field, _offset + at);
                }

                first = false;
                if (slash < 0)
                {
                    return;
                }

                content = content[(slash + 1)..];
                at += slash + 1;
            }
        }

        private void ReadPrimary(ReadOnlySpan<char> p, int pos)
        {
            int errors = _builder.ErrorCount;
            if (p.Length < 4)
            {
                _builder.AddError(
                    HibccErrorCodes.Labeler,
                    pos,
                    $"The labeler identification code at position {UdiText.At(pos)} needs 4 characters; only {UdiText.At(p.Length)} found.");
                return;
            }

            // The first character is a letter: a '+' followed by a digit or '$' starts secondary data instead.
            ReadOnlySpan<char> lic = p[..4];
            for (int i = 1; i < 4; i++)
            {
                if (!IsLetterOrDigit(lic[i]))
                {
                    _builder.AddError(
                        HibccErrorCodes.Labeler,
                        pos + i,
                        $"The labeler identification code holds {UdiText.Describe(lic[i])} at position {UdiText.At(pos + i)}; only letters and digits are allowed.");
                    break;
                }
            }

            string labeler = lic.ToString();
            _builder.Labeler = labeler;
            _builder.AddElement("LIC", labeler);

            ReadOnlySpan<char> rest = p[4..];
            if (rest.Length < 2)
            {
                _builder.AddError(
                    HibccErrorCodes.Product,
                    pos + 4,
                    $"After the labeler code, position {UdiText.At(pos + 4)} should start a product number of 1 to 18 characters followed by a "
                    + $"unit-of-measure digit, but only {UdiText.At(rest.Length)} character(s) follow.");
                return;
            }

            ReadOnlySpan<char> pcn = rest[..^1];
            char uom = rest[^1];
            if (pcn.Length > MaxProductLength)
            {
                _builder.AddError(
                    HibccErrorCodes.Product,
                    pos + 4 + MaxProductLength,
                    $"The product or catalogue number at position {UdiText.At(pos + 4)} has {UdiText.At(pcn.Length)} characters; at most 18 are allowed.");
            }

            for (int i = 0; i < pcn.Length; i++)
            {
                if (!IsLetterOrDigit(pcn[i]))
                {
                    _builder.AddError(
                        HibccErrorCodes.Product,
                        pos + 4 + i,
                        $"The product or catalogue number holds {UdiText.Describe(pcn[i])} at position {UdiText.At(pos + 4 + i)}; only letters and digits are allowed.");
                    break;
                }
            }

            string product = pcn.ToString();
            _builder.Product = product;
            _builder.AddElement("PCN", product);

            string unit = uom.ToString();
            _builder.AddElement("UOM", unit);
            if (!char.IsAsciiDigit(uom))
            {
                _builder.AddError(
                    HibccErrorCodes.UnitOfMeasure,
                    pos + 4 + pcn.Length,
                    $"The unit of measure at position {UdiText.At(pos + 4 + pcn.Length)} must be a digit 0 to 9, but it is {UdiText.Describe(uom)}.");
            }
            else
            {
                _builder.UnitOfMeasure = unit;
            }

            if (_builder.ErrorCount == errors)
            {
                _builder.UdiDi = string.Concat(labeler, product, unit);
            }
        }

        private void ReadSecondaryField(ReadOnlySpan<char> p, int pos)
        {
            if (p.IsEmpty)
            {
                _builder.AddError(
                    HibccErrorCodes.SecondaryFormat,
                    pos,
                    $"An empty data field was found at position {UdiText.At(pos)} (two '/' in a row, or a '/' just before the check character).");
                return;
            }

            switch (p[0])
            {
                case '$':
                    ReadDollarField(p, pos);
                    break;
                case 'S':
                    _builder.AddElement("S", p[1..].ToString());
                    SetSerial(p[1..], pos + 1);
                    break;
                case 'Q':
                    _builder.AddElement("Q", p[1..].ToString());
                    if (p.Length == 1 || UdiText.FirstNonDigit(p[1..]) >= 0)
                    {
                        _builder.AddError(
                            HibccErrorCodes.Quantity,
                            pos + 1,
                            $"The quantity after 'Q' at position {UdiText.At(pos + 1)} must be digits, but it is '{Excerpt(p[1..])}'.");
                    }

                    break;
                case >= '0' and <= '9' when p.StartsWith("16D"):
                    _builder.AddElement("16D", p[3..].ToString());
                    if (ReadLongDate(p[3..], pos + 3, "manufacture date after '16D'", out DateOnly made))
                    {
                        _builder.SetDate(made, pos + 3, isExpiry: false, HibccErrorCodes.DuplicateField, "manufacture");
                    }

                    break;
                case >= '0' and <= '9' when p.StartsWith("14D"):
                    _builder.AddElement("14D", p[3..].ToString());
                    if (ReadLongDate(p[3..], pos + 3, "expiry date after '14D'", out DateOnly expires))
                    {
                        _builder.SetDate(expires, pos + 3, isExpiry: true, HibccErrorCodes.DuplicateField, "expiry");
                    }

                    break;
                case >= '0' and <= '9':
                    // The original secondary form: a Julian expiry date YYJJJ, then the lot.
                    _builder.AddElement("YYJJJ", p.ToString());
                    int i = 0;
                    ReadDate(p, ref i, '5', pos);
                    SetLot(p[i..], pos + i, MaxJulianLotLength, required: false);
                    break;
                default:
                    _builder.AddError(
                        HibccErrorCodes.Supplemental,
                        pos,
                        $"The data field '{Excerpt(p)}' at position {UdiText.At(pos)} is not a HIBC secondary or supplemental field "
                        + "('$', '$$', '$+', '$$+', a Julian date, 'S', 'Q', '14D' or '16D').");
                    break;
            }
        }

        private void ReadDollarField(ReadOnlySpan<char> p, int pos)
        {
            string flag;
            bool serial;
            if (p.StartsWith("$$+"))
            {
                (flag, serial) = ("$$+", true);
            }
            else if (p.StartsWith("$$"))
            {
                (flag, serial) = ("$$", false);
            }
            else if (p.StartsWith("$+"))
            {
                _builder.AddElement("$+", p[2..].ToString());
                SetSerial(p[2..], pos + 2);
                return;
            }
            else
            {
                _builder.AddElement("$", p[1..].ToString());
                SetLot(p[1..], pos + 1, MaxLotLength, required: true);
                return;
            }

            int i = flag.Length;
            if (i >= p.Length)
            {
                _builder.AddElement(flag, string.Empty);
                _builder.AddError(
                    HibccErrorCodes.SecondaryFormat,
                    pos + i,
                    $"A date format digit (0 to 9) must follow '{flag}' at position {UdiText.At(pos + i)}, but the field ends there.");
                return;
            }

            char format = p[i];
            string id = format is '0' or '1' ? flag : flag + format;
            _builder.AddElement(id, p[id.Length..].ToString());
            switch (format)
            {
                case '0' or '1':
                    ReadDate(p, ref i, format, pos);
                    break;
                case >= '2' and <= '6':
                    i++;
                    ReadDate(p, ref i, format, pos);
                    break;
                case '7':
                    i++;
                    break;
                case '8' or '9':
                    i++;
                    int digits = format == '8' ? 2 : 5;
                    if (!UdiText.TryDigits(p, i, digits, out _))
                    {
                        _builder.AddError(
                            HibccErrorCodes.Quantity,
                            pos + i,
                            $"Format '{id}' needs a {UdiText.At(digits)}-digit quantity at position {UdiText.At(pos + i)}, but found "
                            + $"'{Excerpt(p[i..Math.Min(p.Length, i + digits)])}'.");
                    }

                    i = Math.Min(p.Length, i + digits);
                    if (i < p.Length)
                    {
                        char next = p[i];
                        if (next is '0' or '1')
                        {
                            ReadDate(p, ref i, next, pos);
                        }
                        else if (next is >= '2' and <= '6')
                        {
                            i++;
                            ReadDate(p, ref i, next, pos);
                        }
                        else if (next == '7')
                        {
                            i++;
                        }
                    }

                    break;
                default:
                    _builder.AddError(
                        HibccErrorCodes.SecondaryFormat,
                        pos + i,
                        $"{UdiText.Describe(format)} at position {UdiText.At(pos + i)} is not a HIBC date format: a digit 0 to 9 must follow '{flag}'.");
                    return;
            }

            if (serial)
            {
                SetSerial(p[i..], pos + i);
            }
            else
            {
                SetLot(p[i..], pos + i, MaxLotLength, required: false);
            }
        }

        /// <summary>
        /// Reads an expiry date of HIBC format <paramref name="format"/> starting at <paramref name="i"/> (for 0 and 1,
        /// the format digit is the first digit of the month) and moves <paramref name="i"/> past it.
        /// </summary>
        private void ReadDate(ReadOnlySpan<char> p, ref int i, char format, int pos)
        {
            (int length, string pattern) = format switch
            {
                '0' or '1' => (4, "MMYY"),
                '2' => (6, "MMDDYY"),
                '3' => (6, "YYMMDD"),
                '4' => (8, "YYMMDDHH"),
                '5' => (5, "YYJJJ"),
                _ => (7, "YYJJJHH"),
            };

            int at = pos + i;
            int available = Math.Min(length, p.Length - i);
            ReadOnlySpan<char> text = p.Slice(i, available);
            i += available;
            int bad = UdiText.FirstNonDigit(text);
            if (available < length || bad >= 0)
            {
                _builder.AddError(
                    HibccErrorCodes.InvalidDate,
                    bad >= 0 ? at + bad : at + available,
                    $"The expiry date at position {UdiText.At(at)} must be {UdiText.At(length)} digits ({pattern}), but it is '{Excerpt(text)}'.");
                return;
            }

            bool ok;
            DateOnly date;
            int hour = 0;
            switch (format)
            {
                case '0' or '1':
                {
                    UdiText.TryDigits(text, 0, 2, out int mm);
                    UdiText.TryDigits(text, 2, 2, out int yy);
                    int year = Gs1Date.ResolveYear(yy, _currentYear);

                    // Day 00 stands for the last day of the month.
                    ok = Gs1Date.TryBuild(year, mm, 0, allowDayZero: true, out date);
                    break;
                }

                case '2':
                {
                    UdiText.TryDigits(text, 0, 2, out int mm);
                    UdiText.TryDigits(text, 2, 2, out int dd);
                    UdiText.TryDigits(text, 4, 2, out int yy);
                    ok = Gs1Date.TryBuild(Gs1Date.ResolveYear(yy, _currentYear), mm, dd, allowDayZero: false, out date);
                    break;
                }

                case '3' or '4':
                {
                    UdiText.TryDigits(text, 0, 2, out int yy);
                    UdiText.TryDigits(text, 2, 2, out int mm);
                    UdiText.TryDigits(text, 4, 2, out int dd);
                    if (format == '4')
                    {
                        UdiText.TryDigits(text, 6, 2, out hour);
                    }

                    ok = Gs1Date.TryBuild(Gs1Date.ResolveYear(yy, _currentYear), mm, dd, allowDayZero: false, out date);
                    break;
                }

                default:
                {
                    UdiText.TryDigits(text, 0, 2, out int yy);
                    UdiText.TryDigits(text, 2, 3, out int jjj);
                    if (format == '6')
                    {
                        UdiText.TryDigits(text, 5, 2, out hour);
                    }

                    ok = UdiText.TryOrdinalDate(Gs1Date.ResolveYear(yy, _currentYear), jjj, out date);
                    break;
                }
            }

            if (!ok || hour > 23)
            {
                string what = hour > 23 ? "its hour is above 23" : "it is not a calendar date";
                _builder.AddError(
                    HibccErrorCodes.InvalidDate,
                    at,
                    $"The expiry date '{text.ToString()}' ({pattern}) at position {UdiText.At(at)} is invalid: {what}.");
                return;
            }

            _builder.SetDate(date, at, isExpiry: true, HibccErrorCodes.DuplicateField, "expiry");
        }

        private bool ReadLongDate(ReadOnlySpan<char> text, int at, string what, out DateOnly date)
        {
            date = default;
            if (text.Length == 8 && UdiText.FirstNonDigit(text) < 0 && Gs1Date.TryReadLong(text, allowDayZero: false, out date))
            {
                return true;
            }

            _builder.AddError(
                HibccErrorCodes.InvalidDate,
                at,
                $"The {what} at position {UdiText.At(at)} must be a calendar date of 8 digits (YYYYMMDD), but it is '{Excerpt(text)}'.");
            return false;
        }

        private void SetLot(ReadOnlySpan<char> value, int at, int max, bool required)
        {
            if (value.IsEmpty)
            {
                if (required)
                {
                    _builder.AddError(HibccErrorCodes.Lot, at, $"The lot number is missing at position {UdiText.At(at)}.");
                }

                return;
            }

            if (value.Length > max)
            {
                _builder.AddError(
                    HibccErrorCodes.Lot,
                    at + max,
                    $"The lot number at position {UdiText.At(at)} has {UdiText.At(value.Length)} characters; at most {UdiText.At(max)} are allowed here.");
            }

            string lot = value.ToString();
            if (_builder.Lot is { } known && known != lot)
            {
                _builder.AddError(
                    HibccErrorCodes.DuplicateField,
                    at,
                    $"The lot number '{lot}' at position {UdiText.At(at)} contradicts the lot number '{known}' given earlier.");
                return;
            }

            _builder.Lot = lot;
        }

        private void SetSerial(ReadOnlySpan<char> value, int at)
        {
            if (value.IsEmpty)
            {
                _builder.AddError(HibccErrorCodes.Serial, at, $"The serial number is missing at position {UdiText.At(at)}.");
                return;
            }

            if (value.Length > MaxLotLength)
            {
                _builder.AddError(
                    HibccErrorCodes.Serial,
                    at + MaxLotLength,
                    $"The serial number at position {UdiText.At(at)} has {UdiText.At(value.Length)} characters; at most 18 are allowed.");
            }

            string serial = value.ToString();
            if (_builder.Serial is { } known && known != serial)
            {
                _builder.AddError(
                    HibccErrorCodes.DuplicateField,
                    at,
                    $"The serial number '{serial}' at position {UdiText.At(at)} contradicts the serial number '{known}' given earlier.");
                return;
            }

            _builder.Serial = serial;
        }
    }
}
