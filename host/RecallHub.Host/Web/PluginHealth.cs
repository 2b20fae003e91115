namespace RecallHub.Host.Web;

/// <summary>One plugin in the health report.</summary>
/// <param name="Id">The plugin's id.</param>
/// <param name="State"><c>loaded</c>, <c>disabled</c> or <c>failed</c>.</param>
/// <param name="Reason">Why it failed, when it did.</param>
internal sealed record PluginHealth(string Id, string State, string? Reason);
