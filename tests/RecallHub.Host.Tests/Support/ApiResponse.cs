using System.Net;
using System.Text.Json;

namespace RecallHub.Host.Tests.Support;

/// <summary>An answer of the hub's HTTP API: its status, its body parsed (default when empty) and as text.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, string Text)
{
    /// <summary>The problem body's message for a JSON path (or query parameter), from its <c>errors</c>.</summary>
    public string Error(string path) => Body.GetProperty("errors").GetProperty(path)[0].GetString()!;
}
