using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Email.Tests.Support;

/// <summary>A plugin context held in memory: the settings given, a fake clock, a state that outlives sink instances.</summary>
internal sealed class TestPluginContext(string settingsJson, FakeTimeProvider? clock = null, TestPluginState? state = null) : IPluginContext
{
    public string PluginId => "email";

    public PluginSettings Settings { get; } = new("email", JsonDocument.Parse(settingsJson).RootElement.Clone(), name => name == "SMTP_TEST_PASSWORD" ? "secret" : null);

    public IPluginLog Log { get; } = new CollectingLog();

    public TimeProvider Time { get; } = clock ?? Some.Clock();

    public TestPluginState State { get; } = state ?? new TestPluginState();

    IPluginStateStore IPluginContext.State => State;

    public HttpClient CreateHttpClient() => throw new NotSupportedException("The e-mail sink makes no HTTP request.");

    internal sealed class CollectingLog : IPluginLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Write(PluginLogLevel level, string message, Exception? exception = null) => Lines.Enqueue($"{level}: {message}");
    }
}
