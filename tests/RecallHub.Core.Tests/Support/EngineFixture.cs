using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Core.Checking;
using RecallHub.Core.Engine;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Storage;

namespace RecallHub.Core.Tests.Support;

/// <summary>The engine as the host wires it — real mediator, real SQLite store — over a <see cref="StoreFixture"/>.</summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineFixture(ServiceProvider services, StoreFixture fixture)
    {
        _services = services;
        Fixture = fixture;
    }

    public StoreFixture Fixture { get; }

    public FakeTimeProvider Clock => Fixture.Clock;

    public IMediator Mediator => _services.GetRequiredService<IMediator>();

    public ActiveRecallsCache Recalls => _services.GetRequiredService<ActiveRecallsCache>();

    public IRecallHubStore Store => _services.GetRequiredService<IRecallHubStore>();

    /// <summary>An engine writing events for <paramref name="sinks"/> (one sink, <c>lgo</c>, by default).</summary>
    public static async Task<EngineFixture> StartAsync(params string[] sinks)
    {
        var fixture = new StoreFixture();
        var store = await fixture.OpenAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(fixture.Clock);
        services.AddRecallHubEngine(store, new HubSinks(sinks.Length == 0 ? ["lgo"] : sinks));
        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Singleton);
        return new EngineFixture(services.BuildServiceProvider(validateScopes: true), fixture);
    }

    public async Task<IStoreSession> SessionAsync() => await Store.OpenSessionAsync(TestContext.Current.CancellationToken);

    /// <summary>Every event waiting for <paramref name="sinkId"/>, in order.</summary>
    public async Task<IReadOnlyList<Abstractions.Plugins.HubEvent>> EventsAsync(string sinkId = "lgo")
    {
        await using var session = await SessionAsync();
        var messages = await session.Outbox.TakeDueAsync(sinkId, 10_000, DateTimeOffset.MaxValue, TestContext.Current.CancellationToken);
        return [.. messages.Select(HubEventJson.Read)];
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fixture.DisposeAsync();
    }
}
