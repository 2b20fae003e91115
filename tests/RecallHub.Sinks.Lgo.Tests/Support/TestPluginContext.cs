using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>
/// A minimal plugin context: settings from JSON, environment variables from a dictionary, a fake clock, an in-memory
/// state and plain HTTP clients. Build a second one on the same state to play a restart.
/// </summary>
internal sealed class TestPluginContext : IPluginContext, IDisposable
{
    private readonly HttpClient _http = new();

    public TestPluginContext(string settingsJson, FakeTimeProvider? time = null, InMemoryPluginState? state = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var document = JsonDocument.Parse(settingsJson);
        var variables = environment ?? new Dictionary<string, string> { ["LGO_WEBHOOK_SECRET"] = Some.Secret };
        Settings = new PluginSettings(PluginId, document.RootElement, name => variables.TryGetValue(name, out var value) ? value : null);
        FakeTime = time ?? Some.Clock();
        TestState = state ?? new InMemoryPluginState();
    }

    public string PluginId => "lgo";

    public PluginSettings Settings { get; }

    public CollectingPluginLog TestLog { get; } = new();

    public IPluginLog Log => TestLog;

    public FakeTimeProvider FakeTime { get; }

    public TimeProvider Time => FakeTime;

    public InMemoryPluginState TestState { get; }

    public IPluginStateStore State => TestState;

    public HttpClient CreateHttpClient() => _http;

    public void Dispose() => _http.Dispose();
}
