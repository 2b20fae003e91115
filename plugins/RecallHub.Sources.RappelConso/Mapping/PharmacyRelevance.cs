using RecallHub.Abstractions.Notices;
using RecallHub.Sources.RappelConso.Records;

namespace RecallHub.Sources.RappelConso.Mapping;

/// <summary>
/// Which RappelConso notices a pharmacy keeps: those of the configured categories (and sub-categories), those naming
/// a GTIN of the configured list, and those that could not be read (nobody can tell they do not concern it).
/// </summary>
/// <remarks>
/// The plugin cannot see the pharmacy's stock. A kept notice is matched by the hub against the packs it holds like
/// any other, so keeping too much costs only storage; <c>always_keep_gtins</c> exists for products sold in
/// pharmacies but filed by RappelConso under another category.
/// </remarks>
internal sealed class PharmacyRelevance
{
    /// <summary>The default categories: cosmetics, infant products, dietetics and infant food (see docs/sources.md).</summary>
    public static readonly IReadOnlyList<string> DefaultCategories =
    [
        "hygiène-beauté",
        "bébés-enfants (hors alimentaire)",
        "alimentation > aliments diététiques et nutrition",
        "alimentation > aliments infantiles",
        "alimentation > laits infantiles",
    ];

    private readonly List<(string Category, string? SubCategory)> _categories;
    private readonly IReadOnlyList<string> _gtinPrefixes;

    /// <summary>Builds the filter.</summary>
    /// <param name="categories">Entries <c>category</c> or <c>category &gt; sub-category</c>.</param>
    /// <param name="gtinPrefixes">GTINs or their prefixes, digits only.</param>
    public PharmacyRelevance(IEnumerable<string> categories, IReadOnlyList<string> gtinPrefixes)
    {
        _categories = [.. categories.Select(entry =>
        {
            int cut = entry.IndexOf('>', StringComparison.Ordinal);
            return cut < 0
                ? (FrenchText.Fold(entry), (string?)null)
                : (FrenchText.Fold(entry[..cut]), FrenchText.Fold(entry[(cut + 1)..]));
        })];
        _gtinPrefixes = gtinPrefixes;
    }

    /// <summary><see langword="true"/> when the pharmacy keeps the notice.</summary>
    public bool Keeps(RecordReading reading)
    {
        if (reading.IsUnreadable)
        {
            return true;
        }

        string? category = reading.Category is null ? null : FrenchText.Fold(reading.Category);
        string? subCategory = reading.SubCategory is null ? null : FrenchText.Fold(reading.SubCategory);
        if (category is not null && _categories.Any(c => c.Category == category && (c.SubCategory is null || c.SubCategory == subCategory)))
        {
            return true;
        }

        return reading.Notice.Products.Any(p => p.CodeScheme == CodeScheme.Gtin && _gtinPrefixes.Any(prefix => Matches(p.Code, prefix)));
    }

    // Codes are GTIN-14; people write EAN-13s and their prefixes ("3401"), so both forms are tried.
    private static bool Matches(string gtin14, string prefix) =>
        gtin14.StartsWith(prefix, StringComparison.Ordinal)
        || (gtin14[0] == '0' && gtin14.AsSpan(1).StartsWith(prefix, StringComparison.Ordinal));
}
