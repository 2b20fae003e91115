namespace RecallHub.Host.Demo;

/// <summary>How <c>recallhub demo</c> runs.</summary>
internal sealed record DemoOptions
{
    /// <summary>Where the hub listens; <c>http://127.0.0.1:5080</c> by default, like <c>recallhub run</c>.</summary>
    public string Urls { get; init; } = CommandLine.ServeCommand.DefaultUrls;

    /// <summary>Keep the temporary folder (database, plugins.json, certificates) after the demo; deleted by default.</summary>
    public bool Keep { get; init; }

    /// <summary>Serve the hub after the report until Ctrl+C (the default); <see langword="false"/> stops after it.</summary>
    public bool Serve { get; init; } = true;

    /// <summary>The built plugins, one folder per id; <c>demo-plugins</c> beside the executable by default.</summary>
    public string PluginsFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "demo-plugins");
}
