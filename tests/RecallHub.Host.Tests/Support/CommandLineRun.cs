using RecallHub.Host.CommandLine;

namespace RecallHub.Host.Tests.Support;

/// <summary>Runs the recallhub command line in-process with captured standard streams.</summary>
internal sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandLineRun> Of(string[] args, string standardInput = "")
    {
        using var input = new StringReader(standardInput);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exitCode = await RecallHubCommandLine.RunAsync(args, input, output, error, Some.Clock());
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
