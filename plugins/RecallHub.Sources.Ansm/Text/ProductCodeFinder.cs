using System.Text.RegularExpressions;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>
/// Finds product codes in a text however they are written: CIP13 as <c>3400937944892</c>, <c>CIP 34009 302 469 4 8</c>
/// or with dots, as a GTIN-14 (<c>03400937944892</c>); ACL13 (<c>3401…</c>); device identifiers after <c>UDI-DI</c>,
/// <c>IUD-ID</c>, <c>GTIN</c> or <c>(01)</c>. Every code is checked with the Abstractions' check-digit rules.
/// </summary>
internal static partial class ProductCodeFinder
{
    /// <summary>The codes of <paramref name="text"/>, in the order they are written, each once per place.</summary>
    public static IReadOnlyList<FoundCode> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<FoundCode>();
        foreach (Match label in DeviceLabel().Matches(text))
        {
            var digits = label.Groups["digits"];
            var groups = GroupsOf(digits.Value, digits.Index);
            string code = string.Concat(groups.Select(g => g.Digits));
            if (Gtin.IsValid(code))
            {
                // A GTIN that holds a CIP13 or an ACL13 is that code: scans of the pack give it so.
                var (scheme, value) = AsFrenchCode(code) ?? (CodeScheme.UdiDi, code);
                found.Add(new FoundCode(scheme, value, digits.Index, digits.Index + digits.Length));
            }
        }

        foreach (Match run in DigitRun().Matches(text))
        {
            if (found.Any(f => f.Start < run.Index + run.Length && run.Index < f.End))
            {
                continue;
            }

            FindFrenchCodes(GroupsOf(run.Value, run.Index), found);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    // A run of digit groups split by single spaces or dots may hold a code spread over some of its groups, with
    // unrelated numbers around it ("boite de 30 3400937944892"): try every span of whole groups.
    private static void FindFrenchCodes(List<DigitGroup> groups, List<FoundCode> found)
    {
        int i = 0;
        while (i < groups.Count)
        {
            bool matched = false;
            string digits = "";
            for (int j = i; j < groups.Count && digits.Length < 14; j++)
            {
                digits += groups[j].Digits;
                if (AsFrenchCode(digits) is { } code)
                {
                    found.Add(new FoundCode(code.Scheme, code.Code, groups[i].Start, groups[j].End));
                    i = j + 1;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                i++;
            }
        }
    }

    private static (CodeScheme Scheme, string Code)? AsFrenchCode(string digits)
    {
        if (digits.Length == 14 && digits[0] == '0')
        {
            return FrenchProductCode.Cip13FromGtin(digits) is { } cip ? (CodeScheme.Cip13, cip)
                : FrenchProductCode.Acl13FromGtin(digits) is { } acl ? (CodeScheme.Acl13, acl)
                : null;
        }

        return digits.Length != 13 ? null
            : FrenchProductCode.IsCip13(digits) ? (CodeScheme.Cip13, digits)
            : FrenchProductCode.IsAcl13(digits) ? (CodeScheme.Acl13, digits)
            : null;
    }

    private static List<DigitGroup> GroupsOf(string run, int offset) =>
        [.. DigitGroupPattern().Matches(run).Select(m => new DigitGroup(m.Value, offset + m.Index, offset + m.Index + m.Length))];

    private sealed record DigitGroup(string Digits, int Start, int End);

    [GeneratedRegex(@"(?<![\d])\d+(?:[ .\u00A0\u202F]\d+)*")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitGroupPattern();

    [GeneratedRegex(@"(?:\b(?:UDI|IUD)[\s\-]?(?:DI|ID)\b|\bGTIN\b|\(01\))\s*(?:[:=n°]\s*)*(?<digits>\d+(?:[ .\u00A0\u202F]\d+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex DeviceLabel();
}
