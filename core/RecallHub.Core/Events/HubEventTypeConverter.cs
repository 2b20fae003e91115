using System.Text.Json;
using System.Text.Json.Serialization;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Core.Events;

/// <summary>Event types as snake_case text: an outbox row stays readable, and reordering the enum cannot corrupt it.</summary>
internal sealed class HubEventTypeConverter() : JsonStringEnumConverter<HubEventType>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);
