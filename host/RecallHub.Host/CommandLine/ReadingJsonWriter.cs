using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// One JSON object per line, snake_case, every field present (<c>null</c> when absent). This format is a contract
/// for other tools: see docs/identifiers.md before changing it.
/// </summary>
internal sealed class ReadingJsonWriter(TextWriter output) : IReadingWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task WriteAsync(BarcodeReading reading, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(ToJson(reading).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    public static string ToJson(BarcodeReading reading)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            Write(json, reading, withAlternatives: true);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, BarcodeReading reading, bool withAlternatives)
    {
        json.WriteStartObject();
        json.WriteString("input", reading.Input);
        json.WriteBoolean("valid", reading.IsValid);
        json.WriteString("scheme", SchemeName(reading.Scheme));
        json.WriteString("gtin", reading.Gtin);
        json.WriteString("cip13", reading.Cip13);
        json.WriteString("acl13", reading.Acl13);
        json.WriteString("lot", reading.Lot);
        json.WriteString("serial", reading.Serial);
        json.WriteString("expiry", Date(reading.Expiry));
        json.WriteString("production_date", Date(reading.ProductionDate));
        json.WriteString("udi_di", reading.UdiDi);
        json.WriteString("labeler", reading.Labeler);
        json.WriteString("product", reading.Product);
        json.WriteString("unit_of_measure", reading.UnitOfMeasure);
        json.WriteString("ppn", reading.Ppn);

        string key = reading.Scheme == IdentifierScheme.Gs1 ? "ai" : "id";
        json.WriteStartArray("elements");
        foreach (var element in reading.Elements)
        {
            json.WriteStartObject();
            json.WriteString(key, element.Id);
            json.WriteString("value", element.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("errors");
        foreach (var error in reading.Errors)
        {
            json.WriteStartObject();
            json.WriteString("code", error.Code);
            json.WriteNumber("position", error.Position);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("ambiguous", reading.IsAmbiguous);
        json.WriteStartArray("alternatives");
        if (withAlternatives)
        {
            foreach (var alternative in reading.Alternatives)
            {
                Write(json, alternative, withAlternatives: false);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string SchemeName(IdentifierScheme scheme) => scheme switch
    {
        IdentifierScheme.Gs1 => "gs1",
        IdentifierScheme.Hibcc => "hibcc",
        IdentifierScheme.Ifa => "ifa",
        IdentifierScheme.Iccbba => "iccbba",
        _ => "unknown",
    };
}
