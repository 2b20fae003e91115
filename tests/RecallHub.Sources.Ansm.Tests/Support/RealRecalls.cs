using System.Text.Json;

namespace RecallHub.Sources.Ansm.Tests.Support;

/// <summary>The 45 real ANSM medicine recalls of TestData/ansm/real_medicine_recalls_extract.json (recallrx data, noisy lots).</summary>
internal static class RealRecalls
{
    public static IReadOnlyList<JsonElement> All { get; } = Load();

    private static List<JsonElement> Load()
    {
        using var document = JsonDocument.Parse(Samples.Read("real_medicine_recalls_extract.json"));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public static IEnumerable<string> Strings(JsonElement recall, string name) =>
        recall.GetProperty(name).EnumerateArray().Select(e => e.GetString()!);

    public static string? String(JsonElement recall, string name) =>
        recall.GetProperty(name).ValueKind == JsonValueKind.String ? recall.GetProperty(name).GetString() : null;
}
