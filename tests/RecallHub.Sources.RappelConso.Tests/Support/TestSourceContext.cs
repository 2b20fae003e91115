using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.RappelConso.Tests.Support;

/// <summary>A source context as the host gives it, with a fake clock, a collecting log and plain HTTP clients.</summary>
public sealed class TestSourceContext : ISourceContext
{
    public TestSourceContext(string settingsJson, FakeTimeProvider? clock = null)
    {
        using var settings = JsonDocument.Parse(settingsJson);
        Settings = new PluginSettings(PluginId, settings.RootElement);
        Clock = clock ?? Some.Clock();
    }

    public string PluginId => "rappelconso";

    public PluginSettings Settings { get; }

    public CollectingLog CollectedLog { get; } = new();

    public IPluginLog Log => CollectedLog;

    public FakeTimeProvider Clock { get; }

    public TimeProvider Time => Clock;

    public IPluginStateStore State { get; } = new InMemoryStateStore();

    public HttpClient CreateHttpClient() => new() { Timeout = TimeSpan.FromSeconds(30) };

    public ValueTask PublishAsync(IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("RappelConso pulls; it never pushes.");
}
