using System.Text.Json;
using System.Text.Json.Serialization;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Core.Events;

/// <summary>Handover events as snake_case text (<c>implantation</c>), like the scans' events.</summary>
internal sealed class HandoverEventConverter() : JsonStringEnumConverter<HandoverEvent>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);
