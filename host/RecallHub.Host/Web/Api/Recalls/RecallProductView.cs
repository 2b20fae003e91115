using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>A recalled product and which of its units are concerned.</summary>
/// <param name="Source">The source whose notice lists it.</param>
/// <param name="CodeScheme">The code's kind, as in the notices' JSON (<c>cip13</c>, <c>gtin</c>, <c>cip7</c>…).</param>
/// <param name="Code">The code as the notice gives it.</param>
/// <param name="Label">The product's name and presentation.</param>
/// <param name="ProductKey">The key scans are matched on (the GTIN-14 for a CIP13), or <c>scheme:code</c> for a product scans cannot match.</param>
/// <param name="Selector">Which units: lots, serials, dates.</param>
internal sealed record RecallProductView(string Source, string CodeScheme, string Code, string? Label, string ProductKey, SelectorView Selector)
{
    public static RecallProductView Of(RecalledProduct product, string source) => new(
        source,
        ApiNames.Name(product.CodeScheme),
        product.Code,
        product.Label,
        ProductKeys.Of(product.CodeScheme, product.Code),
        new SelectorView(product.Selector.AllLots, product.Selector.Lots, product.Selector.Serials, product.Selector.ExpiryRange, product.Selector.ProductionRange));
}
