using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.Ansm.Products;

/// <summary>A product being read from a notice: its code, label and the lots found for it so far.</summary>
internal sealed class ProductDraft(CodeScheme scheme, string code, string? label)
{
    private readonly List<LotEntry> _lots = [];

    public CodeScheme Scheme { get; } = scheme;

    public string Code { get; } = code;

    public string? Label { get; set; } = label;

    public IReadOnlyList<LotEntry> Lots => _lots;

    /// <summary>Adds a lot once (compared upper case without spaces); a later mention with the expiry completes it.</summary>
    public void AddLot(LotEntry lot)
    {
        string key = Key(lot.Lot);
        int index = _lots.FindIndex(l => Key(l.Lot) == key);
        if (index < 0)
        {
            _lots.Add(lot);
        }
        else if (_lots[index].Expiry is null && lot.Expiry is not null)
        {
            _lots[index] = lot;
        }
    }

    private static string Key(string lot) => string.Concat(lot.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
