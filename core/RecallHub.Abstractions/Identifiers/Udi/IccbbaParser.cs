namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>
/// Reads ICCBBA ISBT 128 data structures: the identifiers of medical products of human origin (blood components,
/// tissues, cells, organs) and the ISBT 128 UDI of medical devices that contain them.
/// </summary>
/// <remarks>
/// <para>
/// A data structure is a data identifier whose first character is <c>=</c> or <c>&amp;</c> followed by content of a
/// fixed length. The input may hold one structure, several read one after the other without separator (linear
/// symbols scanned together), or a compound message <c>=+aabbb</c> followed by <c>aa</c> structures (2-D symbols). A
/// leading AIM symbology identifier (<c>]C0</c>, <c>]d1</c>…) and a trailing CR/LF are ignored.
/// </para>
/// <para>
/// Decoded and checked (ISBT 128 Standard Technical Specification ST-001 v6.2.2 §2.3–2.4 and ST-017 v1.0.0, read in
/// public transcriptions): Donation Identification Number <c>=αppppyynnnnnnff</c> [001], with the ISO/IEC 7064
/// mod 37-2 check carried by flag values 60–96; Product Code <c>=&lt;</c> [003]; Expiration Date <c>=&gt;cyyjjj</c>
/// [004] and Date and Time <c>&amp;&gt;cyyjjjhhmm</c> [005]; Production Date <c>=}</c> [008] and <c>&amp;}</c> [009];
/// Container Manufacturer and Catalog Number <c>=)</c> [017] and Container Lot Number <c>&amp;)</c> [018]; Manufacturer
/// and Catalog Number <c>=-</c> [021] and Lot Number <c>&amp;-</c> [022] for items other than containers; Compound
/// Message <c>=+</c> [023]; Product Divisions <c>=,</c> [032], the serial number of an ISBT 128 UDI; Processor Product
/// Identification Code <c>=/</c> [034], the UDI-DI; MPHO Lot Number <c>&amp;,1</c> [035]. The other fixed-length
/// structures of the index (Table 2 [RT003]) are kept as elements without interpretation. The variable-length
/// structures (<c>&amp;#</c>, <c>&amp;$</c>, <c>&amp;%</c>) and the nationally defined ones (<c>&amp;a</c>–<c>&amp;z</c>,
/// <c>&amp;;</c>, <c>&amp;!</c>) are rejected with <see cref="IccbbaErrorCodes.UnsupportedStructure"/>.
/// </para>
/// <para>
/// Not stated in the specification text and inferred from its worked examples (<c>=&gt;019031</c> is 31 January 2019,
/// <c>&amp;&gt;0183652359</c> is 31 December 2018): the year of a <c>cyyjjj</c> date is 2000 + 100 × c + yy. Lot
/// numbers are returned exactly as encoded, zero padding included. The sequence of an ICCBBA-specified compound message
/// (<c>bbb</c> other than <c>000</c>) is not checked against table RT017, which is not public; the announced count is.
/// The time provider is not needed by ISBT 128 dates (they carry their century) and is accepted for a uniform parser
/// signature.
/// </para>
/// </remarks>
public static class IccbbaParser
{
    private static readonly Structure Din =
        new("001", "Donation Identification Number", "=", 1, 15, "DFFnnnnnnnnnnff");

    private enum Lookup
    {
        Found,
        Unknown,
        Unsupported,
        Truncated,
    }

    /// <summary>Reads ISBT 128 data (one or more data structures, or a compound message).</summary>
    /// <param name="input">The scanned text, as received.</param>
    /// <param name="timeProvider">The clock; ISBT 128 dates carry their century, so it is only checked for null.</param>
    /// <returns>
    /// A reading with <see cref="IdentifierScheme.Iccbba"/> (<see cref="IdentifierScheme.Unknown"/> when the input does
    /// not start with <c>=</c> or <c>&amp;</c>), the UDI-DI (processor product identification code), lot, serial
    /// (product divisions), expiry and production dates, every data structure as an element whose id is its data
    /// identifier, and every problem found.
    /// </returns>
    public static BarcodeReading Parse(string input, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        input ??= string.Empty;
        var builder = new UdiReadingBuilder(input, IdentifierScheme.Unknown);
        ReadOnlySpan<char> all = input;
        all = all[..UdiText.TrimmedEnd(all)];
        int pos = UdiText.SymbologyIdentifierLength(all);
        if (pos >= all.Length)
        {
            builder.AddError(IccbbaErrorCodes.DataIdentifier, pos, "The input is empty: ISBT 128 data starts with '=' or '&'.");
            return builder.Build();
        }

        if (all[pos] is not ('=' or '&'))
        {
            builder.AddError(
                IccbbaErrorCodes.DataIdentifier,
                pos,
                $"ISBT 128 data starts with '=' or '&', but position {UdiText.At(pos)} holds {UdiText.Describe(all[pos])}.");
            return builder.Build();
        }

        builder.Scheme = IdentifierScheme.Iccbba;
        var reader = new StructureReader(builder);
        int structures = 0;
        int compoundAt = -1;
        int announced = -1;
        bool complete = true;
        while (pos < all.Length)
        {
            if (all[pos] is not ('=' or '&'))
            {
                builder.AddError(
                    IccbbaErrorCodes.DataIdentifier,
                    pos,
                    $"A data structure starts with '=' or '&', but position {UdiText.At(pos)} holds {UdiText.Describe(all[pos])}.");
                complete = false;
                break;
            }

            Lookup lookup = Find(all, pos, out Structure structure);
            if (lookup != Lookup.Found)
            {
                ReportLookup(builder, lookup, structure, all, pos);
                complete = false;
                break;
            }

            int contentAt = pos + structure.IdLength;
            if (contentAt + structure.ContentLength > all.Length)
            {
                builder.AddError(
                    IccbbaErrorCodes.Length,
                    all.Length,
                    $"{structure.Describe()} at position {UdiText.At(pos)} needs {UdiText.At(structure.ContentLength)} characters of data, "
                    + $"but only {UdiText.At(Math.Max(0, all.Length - contentAt))} remain.");
                complete = false;
                break;
            }

            ReadOnlySpan<char> content = all.Slice(contentAt, structure.ContentLength);
            if (structure.Number == "023")
            {
                if (structures > 0 || compoundAt >= 0)
                {
                    builder.AddError(
                        IccbbaErrorCodes.CompoundMessage,
                        pos,
                        $"A compound message (=+) must be the first data structure, but one is found at position {UdiText.At(pos)}.");
                }
                else
                {
                    compoundAt = pos;
                    if (UdiText.TryDigits(content, 0, 2, out int count))
                    {
                        announced = count;
                    }
                }
            }
            else
            {
                structures++;
            }

            reader.Read(structure, content, contentAt);
            pos = contentAt + structure.ContentLength;
        }

        if (complete && compoundAt >= 0 && announced >= 0 && announced != structures)
        {
            builder.AddError(
                IccbbaErrorCodes.CompoundMessage,
                compoundAt + 2,
                $"The compound message at position {UdiText.At(compoundAt)} announces {UdiText.At(announced)} data structure(s), "
                + $"but {UdiText.At(structures)} follow.");
        }

        return builder.Build();
    }

    private static void ReportLookup(UdiReadingBuilder builder, Lookup lookup, Structure structure, ReadOnlySpan<char> all, int pos)
    {
        switch (lookup)
        {
            case Lookup.Truncated:
                builder.AddError(
                    IccbbaErrorCodes.Length,
                    all.Length,
                    $"The data ends inside the data identifier that starts at position {UdiText.At(pos)}.");
                break;
            case Lookup.Unsupported:
                builder.AddError(
                    IccbbaErrorCodes.UnsupportedStructure,
                    pos,
                    $"The data identifier '{structure.Id}' at position {UdiText.At(pos)} ({structure.Name}) is not supported: its length "
                    + "is not fixed by the ISBT 128 index, so the data after it cannot be read either.");
                break;
            default:
                int length = all[pos + 1] == ',' && pos + 2 < all.Length ? 3 : 2;
                builder.AddError(
                    IccbbaErrorCodes.DataIdentifier,
                    pos,
                    $"'{all.Slice(pos, length).ToString()}' at position {UdiText.At(pos)} is not an ISBT 128 data identifier.");
                break;
        }
    }

    /// <summary>Finds the data structure whose data identifier starts at <paramref name="pos"/> (ST-001 Table 2 [RT003]).</summary>
    private static Lookup Find(ReadOnlySpan<char> s, int pos, out Structure structure)
    {
        structure = default;
        if (pos + 1 >= s.Length)
        {
            return Lookup.Truncated;
        }

        char second = s[pos + 1];
        if (s[pos] == '=')
        {
            if (second is (>= 'A' and <= 'N') or (>= 'P' and <= 'Z') or (>= '1' and <= '9'))
            {
                // The only structure whose second data identifier character is also its first data character.
                structure = Din;
                return Lookup.Found;
            }

            structure = second switch
            {
                '%' => new("002", "Blood Groups [ABO and RhD]", "=%", 2, 4, null),
                '<' => new("003", "Product Code", "=<", 2, 8, "UAAAAxAl"),
                '>' => new("004", "Expiration Date", "=>", 2, 6, "nnnnnn"),
                '*' => new("006", "Collection Date", "=*", 2, 6, null),
                '}' => new("008", "Production Date", "=}", 2, 6, "nnnnnn"),
                '{' => new("011", "Special Testing: Red Blood Cell Antigens (retired)", "={", 2, 18, null),
                '\\' => new("012", "Special Testing: Red Blood Cell Antigens - General", "=\\", 2, 18, null),
                '[' => new("015", "Special Testing: HLA-A and -B Alleles (retired)", "=[", 2, 18, null),
                '"' => new("016", "Special Testing: HLA-DRB1 Alleles (retired)", "=\"", 2, 18, null),
                ')' => new("017", "Container Manufacturer and Catalog Number", "=)", 2, 10, "xAAxxxxxxx"),
                ';' => new("019", "Donor Identification Number", "=;", 2, 21, null),
                '\'' => new("020", "Staff Member Identification Number", "='", 2, 11, null),
                '-' => new("021", "Manufacturer and Catalog Number: Items Other Than Containers", "=-", 2, 10, "AAxxxxxxxx"),
                '+' => new("023", "Compound Message", "=+", 2, 5, "nnnnn"),
                '#' => new("024", "Patient Date of Birth", "=#", 2, 10, null),
                ']' => new("026", "Expiration Month and Year", "=]", 2, 6, null),
                '$' => new("028", "Product Consignment", "=$", 2, 16, null),
                '(' => new("031", "Flexible Date and Time", "=(", 2, 16, null),
                ',' => new("032", "Product Divisions", "=,", 2, 6, "AAAAAA"),
                '/' => new("034", "Processor Product Identification Code", "=/", 2, 16, "FFFFFAAAAAAAAAAA"),
                _ => default,
            };
            return structure.Number is null ? Lookup.Unknown : Lookup.Found;
        }

        if (second == ',')
        {
            if (pos + 2 >= s.Length)
            {
                return Lookup.Truncated;
            }

            structure = s[pos + 2] switch
            {
                '1' => new("035", "MPHO Lot Number", "&,1", 3, 18, "AAAAAAAAAAAAAAAAAA"),
                '2' => new("036", "MPHO Supplemental Identification Number", "&,2", 3, 18, null),
                '3' => new("037", "Global Registration Identifier for Donors (retired)", "&,3", 3, 19, null),
                '4' => new("038", "Single European Code", "&,4", 3, 40, null),
                _ => default,
            };
            return structure.Number is null ? Lookup.Unknown : Lookup.Found;
        }

        structure = second switch
        {
            >= 'a' and <= 'z' => new(string.Empty, "a nationally or locally defined data structure", "&" + second, 2, -1, null),
            ';' => new(string.Empty, "a nationally specified donor identification number", "&;", 2, -1, null),
            '!' => new(string.Empty, "the nationally defined confidential unit exclusion status", "&!", 2, -1, null),
            '#' => new("025", "Patient Identification Number, of variable length", "&#", 2, -1, null),
            '$' => new("029", "Dimensions, of variable length", "&$", 2, -1, null),
            '%' => new("030", "Red Cell Antigens with Test History, of variable length", "&%", 2, -1, null),
            '>' => new("005", "Expiration Date and Time", "&>", 2, 10, "nnnnnnnnnn"),
            '*' => new("007", "Collection Date and Time", "&*", 2, 10, null),
            '}' => new("009", "Production Date and Time", "&}", 2, 10, "nnnnnnnnnn"),
            '(' => new("010", "Special Testing: General", "&(", 2, 5, null),
            '\\' => new("013", "Special Testing: Red Blood Cell Antigens - Finnish", "&\\", 2, 18, null),
            '{' => new("014", "Special Testing: Platelet HLA and Platelet Specific Antigens", "&{", 2, 18, null),
            ')' => new("018", "Container Lot Number", "&)", 2, 10, "xxxxxxxxxx"),
            '-' => new("022", "Lot Number: Items Other Than Containers", "&-", 2, 10, "xxxxxxxxxx"),
            '"' => new("027", "Transfusion Transmitted Infection Marker", "&\"", 2, 18, null),
            '+' => new("033", "Processing Facility Information Code", "&+", 2, 11, null),
            ':' => new("039", "Global Registration Identifier for Donors", "&:", 2, 19, null),
            '/' => new("040", "Chain of Identity Identifier", "&/", 2, 15, null),
            _ => default,
        };

        if (structure.Number is null)
        {
            return Lookup.Unknown;
        }

        return structure.ContentLength < 0 ? Lookup.Unsupported : Lookup.Found;
    }

    /// <summary>
    /// One ISBT 128 data structure: its number in the index, name, data identifier, how many input characters the
    /// identifier takes, its content length (-1 when variable or not defined by ICCBBA) and, for the structures this
    /// parser checks, one class letter per content character (see <see cref="StructureReader"/>).
    /// </summary>
    private readonly record struct Structure(string Number, string Name, string Id, int IdLength, int ContentLength, string? Pattern)
    {
        public string Describe() => $"{Name} [{Number}]";
    }

    /// <summary>Checks and interprets the content of the data structures, filling the builder.</summary>
    private sealed class StructureReader(UdiReadingBuilder builder)
    {
        private List<(string Number, string Value)>? _seen;
        private int _lotRank;

        public void Read(Structure structure, ReadOnlySpan<char> content, int at)
        {
            string value = content.ToString();
            builder.AddElement(structure.Id, value);

            foreach ((string number, string known) in _seen ??= [])
            {
                if (number == structure.Number)
                {
                    if (known != value)
                    {
                        builder.AddError(
                            IccbbaErrorCodes.DuplicateStructure,
                            at - structure.IdLength,
                            $"{structure.Describe()} appears a second time at position {UdiText.At(at - structure.IdLength)} with a different "
                            + $"value ('{value}' after '{known}'); the first value is kept.");
                    }

                    return;
                }
            }

            _seen.Add((structure.Number, value));
            if (structure.Pattern is { } pattern && !Matches(structure, pattern, content, at))
            {
                return;
            }

            switch (structure.Number)
            {
                case "001":
                    CheckDin(content, at);
                    break;
                case "004" or "005":
                    if (ReadDate(structure, content, at, out DateOnly expiry))
                    {
                        builder.SetDate(expiry, at, isExpiry: true, IccbbaErrorCodes.DuplicateStructure, "expiration");
                    }

                    break;
                case "008" or "009":
                    if (ReadDate(structure, content, at, out DateOnly produced))
                    {
                        builder.SetDate(produced, at, isExpiry: false, IccbbaErrorCodes.DuplicateStructure, "production");
                    }

                    break;
                case "018":
                    SetLot(value, 1);
                    break;
                case "022":
                    SetLot(value, 2);
                    break;
                case "035":
                    SetLot(value, 3);
                    break;
                case "032":
                    builder.Serial = value;
                    break;
                case "034":
                    builder.UdiDi = value;
                    break;
            }
        }

        /// <summary>
        /// Character classes, one letter per content character: n digit; A capital letter or digit; x letter (either
        /// case) or digit; U capital letter; l small letter or digit; F capital letter except O, or digit (facility
        /// identification numbers); D capital letter except O, or digit 1–9; f flag character (digit, or capital letter
        /// except I, O, Q, Z).
        /// </summary>
        private bool Matches(Structure structure, string pattern, ReadOnlySpan<char> content, int at)
        {
            for (int i = 0; i < content.Length; i++)
            {
                char c = content[i];
                (bool ok, string allowed) = pattern[i] switch
                {
                    'n' => (char.IsAsciiDigit(c), "a digit"),
                    'A' => (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c), "a capital letter or a digit"),
                    'x' => (char.IsAsciiLetterOrDigit(c), "a letter or a digit"),
                    'U' => (char.IsAsciiLetterUpper(c), "a capital letter"),
                    'l' => (char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c), "a small letter or a digit"),
                    'F' => (char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c != 'O'), "a capital letter other than O, or a digit"),
                    'D' => (c is >= '1' and <= '9' || (char.IsAsciiLetterUpper(c) && c != 'O'), "a capital letter other than O, or a digit 1 to 9"),
                    _ => (char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not ('I' or 'O' or 'Q' or 'Z')), "a digit or a capital letter other than I, O, Q and Z"),
                };

                if (!ok)
                {
                    builder.AddError(
                        IccbbaErrorCodes.InvalidCharacter,
                        at + i,
                        $"{UdiText.Describe(c)} at position {UdiText.At(at + i)} is not allowed in {structure.Describe()}: character "
                        + $"{UdiText.At(i + 1)} of its data must be {allowed}.");
                    return false;
                }
            }

            return true;
        }

        private void CheckDin(ReadOnlySpan<char> content, int at)
        {
            // Flag values 60 to 96 carry 60 + the ISO/IEC 7064 mod 37-2 check value of the 13-character DIN (ST-001 §2.4.1,
            // Appendix A); other flag values are process-control codes.
            if (!UdiText.TryDigits(content, 13, 2, out int flags) || flags is < 60 or > 96)
            {
                return;
            }

            int expected = 60 + Mod37Check(content[..13]);
            if (flags != expected)
            {
                builder.AddError(
                    IccbbaErrorCodes.DinCheck,
                    at + 13,
                    $"The flag characters '{content[13..].ToString()}' at position {UdiText.At(at + 13)} carry a check value that does not match "
                    + $"the DIN {content[..13].ToString()}, which gives flags '{UdiText.At(expected)}'. The code was misread or misprinted.");
            }
        }

        /// <summary>ISO/IEC 7064 MOD 37-2 check value (0–36) of digits and capital letters.</summary>
        private static int Mod37Check(ReadOnlySpan<char> s)
        {
            int p = 0;
            foreach (char c in s)
            {
                int v = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
                p = (p + v) * 2 % 37;
            }

            return (38 - p) % 37;
        }

        private bool ReadDate(Structure structure, ReadOnlySpan<char> content, int at, out DateOnly date)
        {
            UdiText.TryDigits(content, 0, 1, out int century);
            UdiText.TryDigits(content, 1, 2, out int yy);
            UdiText.TryDigits(content, 3, 3, out int day);
            int year = 2000 + (century * 100) + yy;
            if (!UdiText.TryOrdinalDate(year, day, out date))
            {
                builder.AddError(
                    IccbbaErrorCodes.InvalidDate,
                    at + 3,
                    $"{structure.Describe()} at position {UdiText.At(at)}: day {content.Slice(3, 3).ToString()} is not a day of {UdiText.At(year)}.");
                return false;
            }

            if (content.Length == 10)
            {
                UdiText.TryDigits(content, 6, 2, out int hour);
                UdiText.TryDigits(content, 8, 2, out int minute);
                if (hour > 23 || minute > 59)
                {
                    builder.AddError(
                        IccbbaErrorCodes.InvalidDate,
                        at + 6,
                        $"{structure.Describe()} at position {UdiText.At(at)}: the time {content.Slice(6, 4).ToString()} is not between 0000 and 2359.");
                    return false;
                }
            }

            return true;
        }

        private void SetLot(string lot, int rank)
        {
            // The MPHO lot [035] describes the product itself; the lots of a container [018] or of another item [022]
            // are used only when it is absent.
            if (rank > _lotRank)
            {
                builder.Lot = lot;
                _lotRank = rank;
            }
        }
    }
}
