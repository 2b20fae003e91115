namespace RecallHub.Host.Web;

/// <summary>When this hub process started, for uptime in the health report.</summary>
internal sealed record HubStartTime(DateTimeOffset Value);
