using System.CommandLine;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>--database FILE</c>: the hub's SQLite file. Default: <c>RECALLHUB_DATABASE</c> if set, else
/// <c>data/recallhub.db</c> under the current folder, so that a newcomer needs no configuration.
/// </summary>
internal static class DatabaseOption
{
    public const string EnvironmentVariable = "RECALLHUB_DATABASE";

    public static string DefaultPath =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : Path.Combine("data", "recallhub.db");

    public static Option<string> Create() => new("--database")
    {
        Description = $"The SQLite database file (default: ${EnvironmentVariable} or data/recallhub.db).",
        HelpName = "FILE",
        DefaultValueFactory = _ => DefaultPath,
    };
}
