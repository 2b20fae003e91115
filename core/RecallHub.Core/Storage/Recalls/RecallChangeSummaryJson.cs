using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecallHub.Core.Storage;

/// <summary>The JSON form of a <see cref="RecallChangeSummary"/> as stored with its revision (snake_case).</summary>
internal static class RecallChangeSummaryJson
{
    /// <summary>Writes the summary.</summary>
    public static string Serialize(RecallChangeSummary summary) => JsonSerializer.Serialize(summary, ChangeSummaryJsonContext.Default.RecallChangeSummary);

    /// <summary>Reads a summary written by <see cref="Serialize"/>.</summary>
    public static RecallChangeSummary Read(string json) =>
        JsonSerializer.Deserialize(json, ChangeSummaryJsonContext.Default.RecallChangeSummary)
        ?? throw new StoreException($"A stored change summary is null: '{json}'.");
}

/// <summary>Source-generated JSON for change summaries.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RecallChangeSummary))]
internal sealed partial class ChangeSummaryJsonContext : JsonSerializerContext;
