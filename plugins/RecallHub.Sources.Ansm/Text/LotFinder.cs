using System.Text.RegularExpressions;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>
/// Finds lot numbers and their expiry in notice text: <c>Lot A53014 (péremption 02/2028)</c>,
/// <c>Lot NAB87201 – Exp : 02/2027</c>, <c>Numéros de lot : 0031234567, 0031234568</c>, and the cells or items of a
/// lot list or table.
/// </summary>
/// <remarks>
/// A lot is only read after a lot keyword or where a list or a table column says it holds lots, and a candidate must
/// contain a digit, must not be a date, a 13- or 14-digit product code or a dose: that is what keeps French words
/// (<c>mentionnés</c>, <c>concernés</c>, <c>objet</c>) out, which naive patterns take for lots.
/// </remarks>
internal static partial class LotFinder
{
    /// <summary>The lots written after a lot keyword in <paramref name="text"/>, in order.</summary>
    /// <param name="text">The text.</param>
    /// <param name="excluded">Spans already taken by product codes.</param>
    public static IReadOnlyList<FoundLot> FindAfterKeywords(string text, IReadOnlyList<FoundCode>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lots = new List<FoundLot>();
        int consumed = 0;
        foreach (Match keyword in Keyword().Matches(text))
        {
            if (keyword.Index < consumed)
            {
                continue;
            }

            consumed = ReadSequence(text, keyword.Index + keyword.Length, excluded, lots);
        }

        return lots;
    }

    /// <summary>
    /// The lots at the start of a text that is known to hold lots (a list item under "Lots concernés :", a table
    /// cell under "Lots"), with the keyword or without.
    /// </summary>
    public static IReadOnlyList<FoundLot> ReadList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lots = new List<FoundLot>();
        var keyword = Keyword().Match(text);
        int start = keyword.Success && keyword.Index == LeadingSpace(text) ? keyword.Index + keyword.Length : 0;
        ReadSequence(text, start, null, lots);
        return lots.Count > 0 ? lots : FindAfterKeywords(text);
    }

    /// <summary>
    /// <see langword="true"/> when <paramref name="token"/> may be a lot: 2 to 25 letters, digits, <c>-</c>, <c>.</c>
    /// or <c>/</c>, at least one digit, and not a date, a product code or a dose.
    /// </summary>
    public static bool IsPlausibleLot(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is < 2 or > 25 || !token.Any(char.IsAsciiDigit) || !LotShape().IsMatch(token))
        {
            return false;
        }

        if (FrenchDates.IsDate(token) || NotALot().IsMatch(token))
        {
            return false;
        }

        // Never a CIP, an ACL or a GTIN-13/14: those are products. Eight-digit lots often pass the GS1 check by chance
        // (1 in 10), so GTIN-8 and -12 are not excluded.
        return !(token.All(char.IsAsciiDigit) && token.Length is 13 or 14 && (Gtin.IsValid(token) || token.TrimStart('0').StartsWith("340", StringComparison.Ordinal)));
    }

    private static int ReadSequence(string text, int position, IReadOnlyList<FoundCode>? excluded, List<FoundLot> lots)
    {
        while (true)
        {
            var separator = Separator().Match(text, position);
            int tokenStart = position + separator.Length;
            var token = Token().Match(text, tokenStart);
            if (!token.Success)
            {
                return position;
            }

            string value = token.Groups["lot"].Value.TrimEnd('.', '/', '-');
            bool inCode = excluded?.Any(c => c.Start < token.Index + token.Length && token.Index < c.End) ?? false;
            if (inCode || !IsPlausibleLot(value))
            {
                return position;
            }

            position = token.Index + token.Length;
            DateOnly? expiry = null;
            var clause = ExpiryClause().Match(text, position);
            if (clause.Success)
            {
                expiry = FrenchDates.Parse(clause.Groups["date"].Value);
                position = clause.Index + clause.Length;
            }

            lots.Add(new FoundLot(new LotEntry(value, expiry), token.Index));
        }
    }

    private static int LeadingSpace(string text) => text.Length - text.TrimStart().Length;

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:num[ée]ros?\s+de\s+lots?|n°\s*de\s+lots?|lots?|batch(?:es)?)(?![\p{L}\p{N}])(?:\s+(?:concern[ée]s?|suivants?|rappel[ée]s?|vis[ée]s?)(?![\p{L}\p{N}]))?(?:\s*(?:n°|no\.?|num[ée]ros?)(?![\p{L}\p{N}]))?\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\G(?:\s*(?:,|;|&|\bet\b|\bou\b|[–—-](?=\s))\s*|\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\G(?<lot>[\p{L}\p{N}](?:[\p{L}\p{N}]|[\-./](?=[\p{L}\p{N}]))*)(?![\p{L}\p{N}])")]
    private static partial Regex Token();

    [GeneratedRegex(@"\G\s*(?:[\(\[,;]\s*)?(?:[–—-]\s*)?(?:date\s+de\s+)?(?:p[ée]remption|exp(?:iration|\.)?|dlu|date\s+limite\s+d'utilisation)\s*(?:le\s+)?:?\s*(?<date>" + FrenchDates.Pattern + @")\s*[\)\]]?", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiryClause();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-./]*$")]
    private static partial Regex LotShape();

    // Doses and ordinals that follow "lot" in prose: "10mg", "1er", "2ème".
    [GeneratedRegex(@"^\d+(?:[.,]\d+)?(?:mg|g|ml|l|µg|mcg|ui|%|er|e|ème|eme|nd|nde)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotALot();
}
