namespace RecallHub.Host.Digest;

/// <summary>How one plugin stands, for the digest's health section: a failure is said, not hidden.</summary>
/// <param name="Id">The plugin's id.</param>
/// <param name="IsSource">Whether it is a source (else a sink, or unknown when its manifest could not be read).</param>
/// <param name="State">Loaded, disabled or failed.</param>
/// <param name="Reason">Why it failed.</param>
/// <param name="LastPullAt">When its last pull since the hub started finished, for a source that was pulled.</param>
/// <param name="LastPullError">Why that pull failed, or <see langword="null"/> when it went through.</param>
internal sealed record DigestPluginHealth(string Id, bool IsSource, Plugins.PluginState State, string? Reason, DateTimeOffset? LastPullAt, string? LastPullError)
{
    /// <summary>Whether the pharmacy must be told something is wrong.</summary>
    public bool IsFailing => State == Plugins.PluginState.Failed || LastPullError is not null;
}
