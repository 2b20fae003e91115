using System.Text.Json;

namespace RecallHub.Sources.AclSante.Tests.Support;

/// <summary>The recorded notices copied into TestData (see TestData/README.md).</summary>
public static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>The records of a recorded payload (an envelope, an array or one notice), each as its raw JSON.</summary>
    public static IReadOnlyList<string> Records(string name)
    {
        using var document = JsonDocument.Parse(Read(name));
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray().Select(r => r.GetRawText())];
        }

        return root.TryGetProperty("notices", out var notices)
            ? [.. notices.EnumerateArray().Select(r => r.GetRawText())]
            : [root.GetRawText()];
    }
}
