using BenchmarkDotNet.Running;

namespace RecallHub.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project tests/RecallHub.Benchmarks -- --filter '*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
