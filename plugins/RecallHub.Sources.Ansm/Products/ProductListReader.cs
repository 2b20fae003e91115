using System.Text.RegularExpressions;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Products;

/// <summary>
/// Reads the products of a notice and their lots from its body blocks, in reading order. A block with product codes
/// starts a group of products; the lots that follow (in the same block, later paragraphs, list items or a table) belong
/// to that group until the next codes. Within one block, a lot belongs to the code written before it — except when
/// all of the block's lots come after several codes listed together, which then share them.
/// </summary>
internal sealed partial class ProductListReader
{
    private readonly List<ProductDraft> _products = [];
    private readonly List<LotEntry> _unassigned = [];
    private List<ProductDraft> _group = [];
    private bool _lotListExpected;

    /// <summary>Reads <paramref name="blocks"/>.</summary>
    public static ProductReading Read(IReadOnlyList<NoticeBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var reader = new ProductListReader();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case TableBlock table:
                    reader.ReadTable(table);
                    reader._lotListExpected = false;
                    break;
                case TextBlock text:
                    reader.ReadText(text);
                    break;
            }
        }

        // Lots announced before the products ("Lots concernés : …" then the presentations) go to those left without.
        if (reader._unassigned.Count > 0 && reader._products.Any(p => p.Lots.Count == 0))
        {
            foreach (var product in reader._products.Where(p => p.Lots.Count == 0))
            {
                reader._unassigned.ForEach(product.AddLot);
            }

            reader._unassigned.Clear();
        }

        return new ProductReading(reader._products, reader._unassigned);
    }

    private void ReadText(TextBlock block)
    {
        string text = block.Text;
        var codes = ProductCodeFinder.Find(text);
        if (codes.Count > 0)
        {
            var group = codes.Select((c, i) => Product(c.Scheme, c.Code, LabelFor(text, codes, i))).ToList();
            var lots = LotFinder.FindAfterKeywords(text, codes);
            bool shared = codes.Count > 1 && lots.All(l => l.Start > codes[^1].End);
            foreach (var lot in lots)
            {
                if (shared)
                {
                    group.ForEach(p => p.AddLot(lot.Entry));
                }
                else
                {
                    int owner = codes.Count(c => c.Start < lot.Start) - 1;
                    group[Math.Max(owner, 0)].AddLot(lot.Entry);
                }
            }

            _group = [.. group.Distinct()];
            _lotListExpected = EndsWithColon(text) && lots.Count == 0;
            return;
        }

        var references = ReadReferences(text);
        if (references.Count > 0)
        {
            _group = references;
            _lotListExpected = false;
            return;
        }

        bool inList = _lotListExpected && block.IsListItem;
        var found = inList ? LotFinder.ReadList(text) : LotFinder.FindAfterKeywords(text);
        AddToGroup(found.Select(l => l.Entry));
        _lotListExpected = inList || (EndsWithColon(text) && found.Count == 0 && LotKeyword().IsMatch(text));
    }

    private void ReadTable(TableBlock table)
    {
        var header = table.Header.Select(FrenchText.Fold).ToList();
        int lotColumn = header.FindIndex(h => LotKeyword().IsMatch(h));
        int expiryColumn = header.FindIndex(h => ExpiryHeader().IsMatch(h));
        var tableProducts = new List<ProductDraft>();
        List<ProductDraft>? rowGroup = null;
        foreach (var row in table.Rows)
        {
            var rowProducts = new List<ProductDraft>();
            for (int c = 0; c < row.Count; c++)
            {
                if (c == lotColumn || c == expiryColumn)
                {
                    continue;
                }

                foreach (var code in ProductCodeFinder.Find(row[c]))
                {
                    rowProducts.Add(Product(code.Scheme, code.Code, RowLabel(row, c, lotColumn, expiryColumn, header)));
                }
            }

            if (rowProducts.Count > 0)
            {
                // A product cell spanning several rows leaves the following rows without it: they keep this product.
                rowGroup = rowProducts;
                tableProducts.AddRange(rowProducts);
            }

            var owners = rowGroup ?? _group;
            IEnumerable<LotEntry> lots;
            if (lotColumn >= 0 && lotColumn < row.Count)
            {
                DateOnly? expiry = expiryColumn >= 0 && expiryColumn < row.Count ? FrenchDates.Parse(row[expiryColumn]) : null;
                lots = LotFinder.ReadList(row[lotColumn]).Select(l => l.Entry.Expiry is null && expiry is not null ? l.Entry with { Expiry = expiry } : l.Entry);
            }
            else
            {
                string rowText = string.Join(" ; ", row);
                lots = LotFinder.FindAfterKeywords(rowText, ProductCodeFinder.Find(rowText)).Select(l => l.Entry);
            }

            AddTo(owners, lots);
        }

        if (tableProducts.Count > 0)
        {
            _group = [.. tableProducts.Distinct()];
        }
    }

    private void AddToGroup(IEnumerable<LotEntry> lots) => AddTo(_group, lots);

    private void AddTo(List<ProductDraft> owners, IEnumerable<LotEntry> lots)
    {
        foreach (var lot in lots)
        {
            if (owners.Count == 0)
            {
                if (!_unassigned.Any(l => string.Equals(l.Lot, lot.Lot, StringComparison.OrdinalIgnoreCase)))
                {
                    _unassigned.Add(lot);
                }
            }
            else
            {
                owners.ForEach(p => p.AddLot(lot));
            }
        }
    }

    private ProductDraft Product(CodeScheme scheme, string code, string? label)
    {
        var product = _products.Find(p => p.Scheme == scheme && p.Code == code);
        if (product is null)
        {
            product = new ProductDraft(scheme, code, label);
            _products.Add(product);
        }
        else if (product.Label is null && label is not null)
        {
            product.Label = label;
        }

        return product;
    }

    // "Références concernées : M0012345, M0012346" without device identifiers: products people match by hand.
    private List<ProductDraft> ReadReferences(string text)
    {
        var match = ReferenceList().Match(text);
        if (!match.Success)
        {
            return [];
        }

        var products = new List<ProductDraft>();
        foreach (string item in ListSeparator().Split(match.Groups["list"].Value))
        {
            string token = FrenchText.Squeeze(item).Split(' ')[0].TrimEnd('.', ',');
            if (ReferenceShape().IsMatch(token) && token.Any(char.IsAsciiDigit) && !FrenchDates.IsDate(token))
            {
                products.Add(Product(CodeScheme.Reference, token, "Réf. " + token));
            }
        }

        return products;
    }

    private static string? LabelFor(string text, IReadOnlyList<FoundCode> codes, int index)
    {
        int from = index == 0 ? 0 : codes[index - 1].End;
        string segment = text[from..codes[index].Start];
        segment = LabelTail().Replace(segment, "");
        segment = LabelHead().Replace(segment, "");
        int colon = segment.LastIndexOf(':');
        if (colon >= 0 && FrenchText.Fold(segment[..colon]).Contains("reference", StringComparison.Ordinal))
        {
            segment = segment[(colon + 1)..];
        }

        segment = FrenchText.Squeeze(segment);
        if (segment.Length == 0)
        {
            return null;
        }

        return ReferenceShape().IsMatch(segment) && segment.Any(char.IsAsciiDigit) ? "Réf. " + segment : segment;
    }

    private static string? RowLabel(IReadOnlyList<string> row, int codeColumn, int lotColumn, int expiryColumn, List<string> header)
    {
        int labelColumn = header.FindIndex(h => LabelHeader().IsMatch(h));
        if (labelColumn >= 0 && labelColumn < row.Count && labelColumn != codeColumn)
        {
            return FrenchText.Squeeze(row[labelColumn]) is { Length: > 0 } label ? label : null;
        }

        var others = row.Where((cell, c) => c != codeColumn && c != lotColumn && c != expiryColumn && ProductCodeFinder.Find(cell).Count == 0)
            .Select(FrenchText.Squeeze)
            .Where(cell => cell.Length > 0)
            .ToList();
        return others.Count > 0 ? string.Join(" ", others) : null;
    }

    private static bool EndsWithColon(string text) => text.TrimEnd().EndsWith(':');

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:lots?|batch(?:es)?)(?![\p{L}\p{N}])", RegexOptions.IgnoreCase)]
    private static partial Regex LotKeyword();

    [GeneratedRegex(@"peremption|expiration|\bexp\b|\bdlu\b|date\s+limite")]
    private static partial Regex ExpiryHeader();

    [GeneratedRegex(@"produit|designation|specialite|presentation|denomination|\bnom\b|libelle")]
    private static partial Regex LabelHeader();

    [GeneratedRegex(@"(?:[\s(\[:,;–—\-]|\b(?:cip\s*13|cip\s*7|cip|acl\s*13|acl|code|udi[\s\-]?di|iud[\s\-]?id|gtin|ean(?:\s*13)?|n°)\b)*$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelTail();

    [GeneratedRegex(@"^[\s)\]:,;–—\-]+")]
    private static partial Regex LabelHead();

    [GeneratedRegex(@"r[ée]f[ée]rences?(?:\s+[\p{L}]+)?\s*:\s*(?<list>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceList();

    [GeneratedRegex(@"\s*(?:[,;]|\bet\b)\s*")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-./]{2,29}$")]
    private static partial Regex ReferenceShape();
}
