using System.CommandLine;

namespace RecallHub.Host.Demo;

/// <summary><c>recallhub demo [--urls URL] [--keep] [--no-serve]</c>: see <see cref="DemoRun"/>.</summary>
internal static class DemoCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where the hub listens, ';'-separated.",
            DefaultValueFactory = _ => CommandLine.ServeCommand.DefaultUrls,
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folder (database, plugins.json, certificates) afterwards." };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the report instead of serving the hub until Ctrl+C." };
        var command = new Command("demo", "A guided tour with no network and no configuration: the hub, its plugins, local sources and the NMVS simulator on 127.0.0.1, a pharmacy's scans, what the recalls block — then the hub, served.")
        {
            urls,
            keep,
            noServe,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DemoOptions { Urls = result.GetValue(urls) ?? CommandLine.ServeCommand.DefaultUrls, Keep = result.GetValue(keep), Serve = !result.GetValue(noServe) };
            if (!Directory.Exists(options.PluginsFolder))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"recallhub demo: the built plugins are not in {options.PluginsFolder}: build the host first (dotnet build host/RecallHub.Host).").ConfigureAwait(false);
                return 1;
            }

            try
            {
                await DemoRun.RunAsync(options, result.InvocationConfiguration.Output, timeProvider, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync("Démonstration interrompue.").ConfigureAwait(false);
                return 130;
            }
        });
        return command;
    }
}
