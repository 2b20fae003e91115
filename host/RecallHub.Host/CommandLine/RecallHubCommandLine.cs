using System.CommandLine;
using RecallHub.Host.Demo;

namespace RecallHub.Host.CommandLine;

/// <summary>The <c>recallhub</c> command line: one executable for the hub and its tools.</summary>
internal static class RecallHubCommandLine
{
    /// <summary>Exit code for bad usage (unknown option, missing value…).</summary>
    public const int UsageError = 2;

    /// <summary>Builds the command tree. Standard input and the clock are passed in so that tests can drive it.</summary>
    public static RootCommand Create(TextReader input, TimeProvider timeProvider) =>
        new("RecallHub: drug and medical-device recalls matched against a pharmacy's stock.")
        {
            ParseCommand.Create(input, timeProvider),
            ServeCommand.CreateRun(),
            ServeCommand.CreateServe(),
            PluginsCommand.Create(),
            SourceCommand.Create(),
            IngestCommand.Create(timeProvider),
            RecallsCommand.Create(timeProvider),
            CheckCommand.Create(timeProvider),
            ImportScansCommand.Create(input, timeProvider),
            DigestCommand.Create(timeProvider),
            AuditCommand.Create(timeProvider),
            UsersCommand.Create(input, timeProvider),
            DemoCommand.Create(timeProvider),
        };

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        var root = Create(input, timeProvider);
        var result = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,

            // After Ctrl+C a command gets this long to finish on its own before the process ends: import-scans commits
            // the batch in flight (a second or two on a slow disk) and says where to resume; 2 s by default is too short.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                await error.WriteLineAsync($"recallhub: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'recallhub --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        return await result.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
