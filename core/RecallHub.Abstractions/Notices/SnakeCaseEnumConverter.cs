using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecallHub.Abstractions.Notices;

/// <summary>Enum values as snake_case strings (<c>lot_recall</c>), numbers refused.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
