using System.Text.Json.Serialization;

namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>Source-generated JSON for the audit's parameters.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class RegisterJsonContext : JsonSerializerContext;
