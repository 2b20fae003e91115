using System.Globalization;
using System.Text;
using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Host.CommandLine;

/// <summary>What a code says, for a person at a terminal: the fields that matter, then each error under a caret.</summary>
internal sealed class ReadingTextWriter(TextWriter output) : IReadingWriter
{
    public async Task WriteAsync(BarcodeReading reading, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Format(reading).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    public static string Format(BarcodeReading reading)
    {
        var text = new StringBuilder();
        string shown = ControlCharacterEscapes.Show(reading.Input);
        text.Append(shown).Append('\n');
        string scheme = ReadingJsonWriter.SchemeName(reading.Scheme).ToUpperInvariant();
        string verdict = reading.IsValid ? "valid" : reading.IsAmbiguous ? "AMBIGUOUS" : "INVALID";
        text.Append(CultureInfo.InvariantCulture, $"  {verdict} {scheme}\n");
        AppendFields(text, reading, "  ");

        foreach (var error in reading.Errors)
        {
            int at = ControlCharacterEscapes.ShownPosition(reading.Input, error.Position);
            text.Append("  ").Append(shown).Append('\n');
            text.Append("  ").Append(' ', at).Append("^\n");
            text.Append(CultureInfo.InvariantCulture, $"  {error.Code}: {error.Message}\n");
        }

        for (int i = 0; i < reading.Alternatives.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  reading {i + 1} of {reading.Alternatives.Count}:\n");
            AppendFields(text, reading.Alternatives[i], "    ");
        }

        return text.ToString();
    }

    private static void AppendFields(StringBuilder text, BarcodeReading reading, string indent)
    {
        Field(text, indent, "GTIN", reading.Gtin);
        Field(text, indent, "CIP13", reading.Cip13);
        Field(text, indent, "ACL13", reading.Acl13);
        Field(text, indent, "UDI-DI", reading.UdiDi == reading.Gtin ? null : reading.UdiDi);
        Field(text, indent, "labeler", reading.Labeler);
        Field(text, indent, "product", reading.Product);
        Field(text, indent, "unit of measure", reading.UnitOfMeasure);
        Field(text, indent, "PPN", reading.Ppn);
        Field(text, indent, "lot", reading.Lot);
        Field(text, indent, "serial", reading.Serial);
        Field(text, indent, "expiry", reading.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(text, indent, "production date", reading.ProductionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (reading.Elements.Count > 0)
        {
            bool gs1 = reading.Scheme == IdentifierScheme.Gs1;
            text.Append(indent).Append("elements: ")
                .AppendJoin(' ', reading.Elements.Select(e => gs1 ? $"({e.Id}){ControlCharacterEscapes.Show(e.Value)}" : $"{e.Id}={ControlCharacterEscapes.Show(e.Value)}"))
                .Append('\n');
        }
    }

    private static void Field(StringBuilder text, string indent, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(indent).Append(name).Append(": ").Append(value).Append('\n');
        }
    }
}
