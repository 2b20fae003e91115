namespace RecallHub.Abstractions.Identifiers.Gs1;

// ISO 3166-1 alpha-2 country codes, as listed by the GS1 Barcode Syntax Tests (lint_iso3166alpha2.c).
internal static class Iso3166Alpha2Codes
{
    private static readonly bool[] Known = Build(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
        FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
        JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO
        MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
        PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM
        TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """);

    /// <summary>The number of codes in the list.</summary>
    public static int Count { get; } = Array.FindAll(Known, static k => k).Length;

    /// <summary><see langword="true"/> when <paramref name="code"/> is two upper-case letters forming an ISO 3166-1 alpha-2 code.</summary>
    public static bool Contains(ReadOnlySpan<char> code) =>
        code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1])
        && Known[((code[0] - 'A') * 26) + (code[1] - 'A')];

    private static bool[] Build(string codes)
    {
        var known = new bool[26 * 26];
        foreach (var range in codes.AsSpan().SplitAny(" \n\r"))
        {
            var code = codes.AsSpan(range);
            if (code.Length == 2)
            {
                known[((code[0] - 'A') * 26) + (code[1] - 'A')] = true;
            }
        }

        return known;
    }
}
