using System.Text.Json;
using System.Text.Json.Serialization;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Events;

/// <summary>The JSON kept in the outbox for a <see cref="HubEvent"/>, and the event read back for delivery.</summary>
public static class HubEventJson
{
    /// <summary>Writes an event for the outbox (its sequence is the outbox's, so it is not written).</summary>
    /// <param name="hubEvent">The event.</param>
    public static string Serialize(HubEvent hubEvent)
    {
        ArgumentNullException.ThrowIfNull(hubEvent);
        return JsonSerializer.Serialize(hubEvent, HubEventJsonContext.Default.HubEvent);
    }

    /// <summary>Reads an outbox message back as the event a sink receives.</summary>
    /// <param name="message">The outbox message.</param>
    /// <exception cref="JsonException">The payload is not a hub event (a message written by a newer hub, or damaged).</exception>
    public static HubEvent Read(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hubEvent = JsonSerializer.Deserialize(message.PayloadJson, HubEventJsonContext.Default.HubEvent)
            ?? throw new JsonException($"Outbox message {message.Id} for sink '{message.SinkId}' holds no event.");
        return hubEvent with { Sequence = message.Sequence };
    }

    /// <summary>The outbox's name for an event type (<c>stock_blocked</c>).</summary>
    /// <param name="type">The type.</param>
    public static string TypeName(HubEventType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());
}

/// <summary>Source-generated JSON for outbox payloads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(HubEventTypeConverter), typeof(HandoverEventConverter), typeof(EmbeddedNoticeConverter)])]
[JsonSerializable(typeof(HubEvent))]
internal sealed partial class HubEventJsonContext : JsonSerializerContext;
