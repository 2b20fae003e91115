using RecallHub.Core.Engine;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Engine;

/// <summary>
/// Registers the hub's engine: the store, the sinks events are written for, the counter's checker and the mediator
/// whose handlers (in RecallHub.Core) ingest notices, record scans and lift blocks. The web host and the command line
/// use the same registration, so a scan imported from a file is handled exactly like one posted to the API.
/// </summary>
internal static class HubEngineServices
{
    public static IServiceCollection AddHubEngine(this IServiceCollection services, IRecallHubStore store, HubSinks sinks)
    {
        services.AddRecallHubEngine(store, sinks);
        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>A container for one command-line run: the engine and the clock, nothing of the web host.</summary>
    public static ServiceProvider CreateForCommandLine(IRecallHubStore store, HubSinks sinks, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddHubEngine(store, sinks);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
