using System.Text.Json;
using System.Text.Json.Serialization;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Sinks.Email.Composing;

/// <summary>
/// What a message says about a recall, remembered from its <c>recall_received</c> / <c>recall_revised</c> events:
/// block events name only the recall's id, and may arrive days later (a pack scanned at reception).
/// </summary>
internal sealed record RecallFacts(
    string Title,
    string? AlertNumber,
    string? Reason,
    string? Risk,
    IReadOnlyList<string> Actions,
    string? Link,
    bool ReachesPatients)
{
    public static RecallFacts From(RecallNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new RecallFacts(
            notice.Title,
            notice.AlertNumber,
            notice.Reason,
            notice.Risk,
            notice.Actions,
            notice.Links.FirstOrDefault()?.Url.ToString(),
            notice.RecallLevels.HasFlag(RecallLevels.Patients));
    }

    public string ToJson() => JsonSerializer.Serialize(this, RecallFactsJsonContext.Default.RecallFacts);

    public static RecallFacts? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, RecallFactsJsonContext.Default.RecallFacts);
}

[JsonSerializable(typeof(RecallFacts))]
internal sealed partial class RecallFactsJsonContext : JsonSerializerContext;
