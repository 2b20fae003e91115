using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecallHub.Abstractions.Notices;

/// <summary>Writes <see cref="RecallLevels"/> as an array of names (<c>["pharmacies", "patients"]</c>) and reads it back.</summary>
internal sealed class RecallLevelsJsonConverter : JsonConverter<RecallLevels>
{
    private static readonly (RecallLevels Level, string Name)[] Names =
    [
        (RecallLevels.Pharmacies, "pharmacies"),
        (RecallLevels.Hospitals, "hospitals"),
        (RecallLevels.Wholesalers, "wholesalers"),
        (RecallLevels.Patients, "patients"),
    ];

    public override RecallLevels Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("recall_levels must be an array of: pharmacies, hospitals, wholesalers, patients.");
        }

        var levels = RecallLevels.None;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string? name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            var match = Array.Find(Names, n => n.Name == name);
            if (match.Name is null)
            {
                throw new JsonException($"'{name ?? reader.TokenType.ToString()}' is not a recall level: use pharmacies, hospitals, wholesalers or patients.");
            }

            levels |= match.Level;
        }

        return levels;
    }

    public override void Write(Utf8JsonWriter writer, RecallLevels value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var (level, name) in Names)
        {
            if (value.HasFlag(level))
            {
                writer.WriteStringValue(name);
            }
        }

        writer.WriteEndArray();
    }
}
