using RecallHub.Host.CommandLine;

namespace RecallHub.Host.Demo;

/// <summary>The daily digest's preview in <c>recallhub demo</c>: what the pharmacist would receive tomorrow morning.</summary>
internal static class DemoDigestPreview
{
    /// <summary>
    /// Writes the preview of the digest of the demo's store into <paramref name="folder"/>, exactly as
    /// <c>recallhub digest --preview</c> does, and returns the file written, or <see langword="null"/> when it failed
    /// (the reason is in <paramref name="error"/>).
    /// </summary>
    /// <param name="databasePath">The demo's SQLite file, with its recalls, blocks and events.</param>
    /// <param name="folder">The demo's temporary folder, where the preview goes.</param>
    /// <param name="time">The hub's clock: the digest's day.</param>
    /// <param name="error">Where the digest command reports a failure.</param>
    public static async Task<string?> WriteAsync(string databasePath, string folder, TimeProvider time, TextWriter error)
    {
        string path = Path.Combine(folder, "digest-preview.html");
        int exit = await RecallHubCommandLine.RunAsync(
            ["digest", "--preview", "--out", path, "--database", databasePath, "--plugins", Path.Combine(folder, "no-plugins.json")],
            TextReader.Null,
            TextWriter.Null,
            error,
            time).ConfigureAwait(false);
        return exit == 0 && File.Exists(path) ? path : null;
    }
}
