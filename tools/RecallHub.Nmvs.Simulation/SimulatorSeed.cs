using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecallHub.Nmvs.Simulation;

/// <summary>What the simulator starts with, read from a JSON file (see <c>seed.example.json</c>).</summary>
public sealed record SimulatorSeed
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The products.</summary>
    public IReadOnlyList<SeedProduct> Products { get; init; } = [];

    /// <summary>Reads a seed.</summary>
    /// <exception cref="JsonException">Malformed.</exception>
    public static SimulatorSeed Read(string json) =>
        JsonSerializer.Deserialize<SimulatorSeed>(json, Json) ?? throw new JsonException("The seed is null.");
}
