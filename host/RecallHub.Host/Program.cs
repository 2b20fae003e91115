using RecallHub.Host.CommandLine;

namespace RecallHub.Host;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        RecallHubCommandLine.RunAsync(args, Console.In, Console.Out, Console.Error, TimeProvider.System);
}
