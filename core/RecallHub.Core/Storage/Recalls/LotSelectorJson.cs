using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>
/// Reads the <c>selector</c> member of a notice's JSON (as <see cref="RecallNoticeJson.Serialize"/> writes it) back
/// into a <see cref="LotSelector"/>, tolerating members it does not know so that stored rows stay readable.
/// </summary>
internal static class LotSelectorJson
{
    /// <summary>The raw JSON of each product's selector in a serialized notice, in product order.</summary>
    /// <param name="noticeJson">A notice as <see cref="RecallNoticeJson.Serialize"/> wrote it.</param>
    public static IReadOnlyList<string> SelectorsOf(string noticeJson)
    {
        using var document = JsonDocument.Parse(noticeJson);
        return document.RootElement.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("selector").GetRawText()).ToList();
    }

    /// <summary>Reads one selector.</summary>
    /// <param name="json">The selector's JSON object.</param>
    public static LotSelector Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new LotSelector
        {
            AllLots = root.TryGetProperty("all_lots", out var all) && all.ValueKind == JsonValueKind.True,
            Lots = Array(root, "lots").Select(l => new LotEntry(l.GetProperty("lot").GetString()!, Date(l, "expiry"))).ToList(),
            Serials = Array(root, "serials").Select(s => new SerialRange(s.GetProperty("first").GetString()!, s.GetProperty("last").GetString()!)).ToList(),
            ExpiryRange = Range(root, "expiry_range"),
            ProductionRange = Range(root, "production_range"),
        };
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static DateRange? Range(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? new DateRange(Date(value, "from"), Date(value, "to")) : null;

    private static DateOnly? Date(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
