using BenchmarkDotNet.Running;
using RecallHub.Benchmarks.Load;
using RecallHub.Benchmarks.Matching;

namespace RecallHub.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project tests/RecallHub.Benchmarks -- --filter '*'
    // The load scripts (Load/check-load.sh, Load/cluster-load.sh) also run tools of this program: make-check-notices,
    // bare-check-endpoint, load-identities; build-pharmacies-database builds the many-pharmacies PostgreSQL dataset.
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case MadeUpRecalls.Command:
                return await MadeUpRecalls.WriteAsync(args[1..]).ConfigureAwait(false);
            case "build-pharmacies-database":
                // Builds (or finds) the many-pharmacies PostgreSQL dataset: build-pharmacies-database [PHARMACIES].
                await PharmaciesDatabase.EnsureAsync(
                    args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : PharmaciesDatabase.PharmaciesFromEnvironment(),
                    Console.Out).ConfigureAwait(false);
                return 0;
            case "load-identities":
                // For Load/cluster-load.sh: load-identities PHARMACIES PRODUCTS prints "finess N" and "cip13 C" lines.
                foreach (int i in Enumerable.Range(0, int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)))
                {
                    Console.WriteLine("finess " + PharmaciesDatabase.Finess(i));
                }

                foreach (int i in Enumerable.Range(0, int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)))
                {
                    Console.WriteLine("cip13 " + PharmaciesDatabase.Cip13(i));
                }

                return 0;
            case BareCheckEndpoint.Command:
                await BareCheckEndpoint.RunAsync(args[1..]).ConfigureAwait(false);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
