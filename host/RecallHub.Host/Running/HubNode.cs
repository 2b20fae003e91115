namespace RecallHub.Host.Running;

/// <summary>
/// This host's name among the hosts of one hub (<c>Hub:HostName</c>, else the machine's name): a sink pinned to a host
/// in <c>plugins.json</c> (<c>"host"</c>) is delivered by that host only.
/// </summary>
/// <param name="Name">The host's name.</param>
internal sealed record HubNode(string Name)
{
    /// <summary>The configuration key.</summary>
    public const string Key = "Hub:HostName";

    /// <summary>Reads <see cref="Key"/>.</summary>
    public static HubNode Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new HubNode(configuration[Key] is { Length: > 0 } name ? name.Trim() : Environment.MachineName);
    }

    /// <summary>Whether this host delivers a sink pinned to <paramref name="host"/> (<see langword="null"/>: any host).</summary>
    public bool Delivers(string? host) => host is null || string.Equals(host, Name, StringComparison.OrdinalIgnoreCase);
}
