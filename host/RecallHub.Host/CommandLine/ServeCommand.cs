using System.CommandLine;
using RecallHub.Host.Web;

namespace RecallHub.Host.CommandLine;

/// <summary><c>recallhub serve [--urls URLS]</c>: runs the hub's web host until stopped.</summary>
internal static class ServeCommand
{
    /// <summary>Loopback by default: the hub holds pharmacy data and is exposed on purpose, behind a proxy.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ';'-separated.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var command = new Command("serve", "Run the hub: HTTP API and health endpoint.") { urls };
        command.SetAction(async (result, cancellationToken) =>
        {
            var app = HubWebApplication.Build(result.GetValue(urls) ?? DefaultUrls, TimeProvider.System);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await result.InvocationConfiguration.Output.WriteLineAsync(
                $"RecallHub is listening on {string.Join(", ", app.Urls)} (health: {app.Urls.First()}/health). Press Ctrl+C to stop.").ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
