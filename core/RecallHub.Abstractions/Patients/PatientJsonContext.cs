using System.Text.Json.Serialization;

namespace RecallHub.Abstractions.Patients;

/// <summary>Source-generated snake_case JSON for the sealed identity.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PatientIdentity))]
internal sealed partial class PatientJsonContext : JsonSerializerContext;
