using System.Text.Json.Serialization;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Abstractions.Plugins;

/// <summary>Source-generated, strict snake_case JSON for plugin manifests.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    Converters = [typeof(SnakeCaseEnumConverter<PluginKind>)])]
[JsonSerializable(typeof(PluginManifest))]
internal sealed partial class PluginJsonContext : JsonSerializerContext;
