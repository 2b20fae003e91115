using System.Text.Json.Serialization;

namespace RecallHub.Sources.Nmvs.Queue;

/// <summary>Source-generated JSON for what the queue keeps in the plugin's state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(QueueState))]
[JsonSerializable(typeof(List<QueuedPack>))]
internal sealed partial class QueueJsonContext : JsonSerializerContext;
