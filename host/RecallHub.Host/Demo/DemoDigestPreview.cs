namespace RecallHub.Host.Demo;

/// <summary>
/// The hook for the daily digest's preview in <c>recallhub demo</c>. This build has no digest yet
/// (<c>recallhub digest --preview</c> comes with another branch), so it writes nothing and the demo says so.
/// </summary>
internal static class DemoDigestPreview
{
    /// <summary>
    /// Writes the preview of the digest of the demo's store into <paramref name="folder"/> and returns the file written,
    /// or <see langword="null"/> when this build has no digest. To wire the digest, replace the body with one line, e.g.
    /// <c>RecallHubCommandLine.RunAsync(["digest", "--preview", "--database", databasePath, …], …)</c> or the digest's own
    /// method, returning the preview's path.
    /// </summary>
    /// <param name="databasePath">The demo's SQLite file, with its recalls, blocks and events.</param>
    /// <param name="folder">The demo's temporary folder, where the preview goes.</param>
    /// <param name="time">The hub's clock: the digest's day.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    public static Task<string?> WriteAsync(string databasePath, string folder, TimeProvider time, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
