using BenchmarkDotNet.Running;
using RecallHub.Benchmarks.Load;

namespace RecallHub.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project tests/RecallHub.Benchmarks -- --filter '*'
    // The load script (Load/check-load.sh) also runs two tools of this program: make-check-notices and bare-check-endpoint.
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case MadeUpRecalls.Command:
                return await MadeUpRecalls.WriteAsync(args[1..]).ConfigureAwait(false);
            case BareCheckEndpoint.Command:
                await BareCheckEndpoint.RunAsync(args[1..]).ConfigureAwait(false);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
