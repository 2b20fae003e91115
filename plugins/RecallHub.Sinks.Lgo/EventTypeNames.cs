using System.Text.Json;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo;

/// <summary>The snake_case names of event types, as the hub's outbox and the webhook payloads spell them.</summary>
internal static class EventTypeNames
{
    /// <summary>The name of <paramref name="type"/> (<c>stock_blocked</c>).</summary>
    public static string Of(HubEventType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());
}
