using Microsoft.Extensions.DependencyInjection;
using RecallHub.Core.Checking;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Engine;

/// <summary>Registers what the engine's handlers need.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store, the sinks events are written for, the outbox writer and the counter's checker. The caller
    /// also calls the source-generated <c>AddMediator</c> (with a singleton lifetime) of its own assembly, which finds
    /// the handlers of this one: the generator must run in the outermost project.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="store">The hub's store.</param>
    /// <param name="sinks">The sinks.</param>
    public static IServiceCollection AddRecallHubEngine(this IServiceCollection services, IRecallHubStore store, HubSinks sinks)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sinks);
        services.AddSingleton(store);
        services.AddSingleton(sinks);
        services.AddSingleton<HubEventOutbox>();
        services.AddSingleton<ActiveRecallsCache>();
        return services;
    }
}
