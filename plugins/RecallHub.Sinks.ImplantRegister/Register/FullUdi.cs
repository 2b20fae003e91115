using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>The full UDI (DI and PI) of a scanned code in human-readable form, as the register shows it.</summary>
internal static class FullUdi
{
    /// <summary>GS1: <c>(01)…(17)…(10)…(21)…</c>; other issuing entities: the code without control characters.</summary>
    public static string Of(string rawCode, TimeProvider time)
    {
        var reading = BarcodeReader.Read(rawCode, new BarcodeReaderOptions { TimeProvider = time });
        if (reading.Scheme == IdentifierScheme.Gs1 && reading.Elements.Count > 0)
        {
            return string.Concat(reading.Elements.Select(e => $"({e.Id}){e.Value}"));
        }

        string text = rawCode.Length > 3 && rawCode[0] == ']' ? rawCode[3..] : rawCode;
        return string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
    }
}
