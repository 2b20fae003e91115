using System.Text.Json;

namespace RecallHub.Sources.RappelConso.Records;

/// <summary>
/// Finds the records in what the API returns: the <c>records</c> envelope (<c>{"total_count", "results": […]}</c>),
/// an <c>exports/json</c> array, the V1 API's <c>{"records": [{"fields": …}]}</c>, or a single record.
/// </summary>
internal static class PayloadRecords
{
    /// <summary>The records of <paramref name="root"/>.</summary>
    /// <exception cref="FormatException">The payload is not one of these shapes.</exception>
    public static IReadOnlyList<JsonElement> Of(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                return [.. root.EnumerateArray()];
            case JsonValueKind.Object when root.TryGetProperty("results", out var results):
                return results.ValueKind == JsonValueKind.Array
                    ? [.. results.EnumerateArray()]
                    : throw new FormatException($"$.results is a JSON {Describe(results)}, not an array of records.");
            case JsonValueKind.Object when root.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array:
                return [.. records.EnumerateArray().Select(V1Fields)];
            case JsonValueKind.Object:
                return [root];
            default:
                throw new FormatException($"Expected RappelConso records (an object or an array), found a JSON {Describe(root)}.");
        }
    }

    /// <summary>The <c>total_count</c> of a <c>records</c> envelope, when present.</summary>
    public static long? TotalCount(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object ? new RecordFields(root).Integer("total_count") : null;

    // The V1 API wraps each record: {"recordid": …, "fields": {…}} (and in some clients {"record": {"fields": …}}).
    private static JsonElement V1Fields(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return item;
        }

        if (item.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object)
        {
            return fields;
        }

        return item.TryGetProperty("record", out var record) && record.ValueKind == JsonValueKind.Object
            && record.TryGetProperty("fields", out var nested) && nested.ValueKind == JsonValueKind.Object
            ? nested
            : item;
    }

    private static string Describe(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
