using System.Text.Json;
using System.Text.Json.Serialization;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Events;

/// <summary>A notice inside an event is written in its contract form (<see cref="RecallNoticeJson"/>), checked on the way back.</summary>
internal sealed class EmbeddedNoticeConverter : JsonConverter<RecallNotice>
{
    public override RecallNotice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return RecallNoticeJson.Read(document.RootElement.GetRawText());
        }
        catch (RecallNoticeFormatException e)
        {
            throw new JsonException($"The event's notice breaks the contract: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, RecallNotice value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(RecallNoticeJson.Serialize(value), skipInputValidation: true);
    }
}
