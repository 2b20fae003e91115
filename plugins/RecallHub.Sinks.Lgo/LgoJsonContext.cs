using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using RecallHub.Sinks.Lgo.DeadLetters;
using RecallHub.Sinks.Lgo.FileDrop;
using RecallHub.Sinks.Lgo.Recalls;
using RecallHub.Sinks.Lgo.State;
using RecallHub.Sinks.Lgo.Webhook;

namespace RecallHub.Sinks.Lgo;

/// <summary>Source-generated snake_case JSON for the sink's payloads, files and state; nulls are written as null.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(BlockedCode))]
[JsonSerializable(typeof(BlockedCodesDocument))]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(DeadLetterDocument))]
[JsonSerializable(typeof(RecallHeadline))]
[JsonSerializable(typeof(PagedStateHead))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class LgoJsonContext : JsonSerializerContext
{
    /// <summary>What goes over the wire: compact, accented letters as they are (the body is UTF-8).</summary>
    public static LgoJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    /// <summary>What people may open: indented, accented letters as they are.</summary>
    public static LgoJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    });
}
