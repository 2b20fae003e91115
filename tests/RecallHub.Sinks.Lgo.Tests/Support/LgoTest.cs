using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>
/// The LGO sink on the plugin test kit: its context (the settings given, LGO_WEBHOOK_SECRET set, the tests' clock),
/// a restart on the same state, and runs in which the clock moves only when the test moves it.
/// </summary>
internal static class LgoTest
{
    public const string SecretVariable = "LGO_WEBHOOK_SECRET";

    public static TestPluginContext Context(string settingsJson, FakeTimeProvider? clock = null, InMemoryPluginState? state = null, bool withSecret = true)
    {
        var context = new TestPluginContext("lgo", clock ?? Some.Clock(), state).WithSettings(settingsJson);
        return withSecret ? context.WithSecret(SecretVariable, Some.Secret) : context;
    }

    /// <summary>A new context on the same settings, clock and state: the plugin after a restart of the hub.</summary>
    public static TestPluginContext Restarted(TestPluginContext context) =>
        Context(context.Settings.AsJson().GetRawText(), context.Clock, context.State);

    /// <summary>Starts a new sink; the run leaves the clock alone (the webhook timeout is moved by the test).</summary>
    public static async Task<SinkRun> StartAsync(TestPluginContext context)
    {
        var run = await SinkRun.StartAsync(new LgoSink(), context, TestContext.Current.CancellationToken);
        run.ClockStep = null;
        return run;
    }

    /// <summary>Hands the events over as the hub does; the test fails if the sink threw.</summary>
    public static async Task DeliverOkAsync(this SinkRun run, params HubEvent[] events) =>
        (await run.DeliverAsync(events, TestContext.Current.CancellationToken)).ThrowIfFailed();

    /// <summary>Hands the events over as the hub does and returns what the sink threw, which must be a <typeparamref name="TException"/>.</summary>
    public static async Task<TException> DeliveryFailsAsync<TException>(this SinkRun run, params HubEvent[] events)
        where TException : Exception =>
        Assert.IsType<TException>((await run.DeliverAsync(events, TestContext.Current.CancellationToken)).Failure);
}
