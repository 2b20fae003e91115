using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>Normalises French text from the pages: white space (non-breaking spaces included) and, for comparisons, case and accents.</summary>
internal static partial class FrenchText
{
    /// <summary>Collapses every run of white space (including non-breaking and narrow spaces) into one space, trimmed.</summary>
    public static string Squeeze(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>Lower case, without accents, white space squeezed: the form filters and keywords are compared in.</summary>
    public static string Fold(string text)
    {
        string decomposed = Squeeze(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A URL slug: folded, every run of other characters than letters and digits turned into one dash.</summary>
    public static string Slug(string text) => NotSlug().Replace(Fold(text), "-").Trim('-');

    [GeneratedRegex(@"[\s\u00A0\u202F\u2007]+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
