using System.Text.Json.Serialization;

namespace RecallHub.Abstractions.Notices;

/// <summary>Source-generated, strict snake_case JSON for notices: unknown members and missing required ones are errors.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(RecallLevelsJsonConverter), typeof(SnakeCaseEnumConverter<NoticeKind>), typeof(SnakeCaseEnumConverter<CodeScheme>)])]
[JsonSerializable(typeof(RecallNotice))]
[JsonSerializable(typeof(List<RecallNotice>))]
internal sealed partial class RecallNoticeJsonContext : JsonSerializerContext;
