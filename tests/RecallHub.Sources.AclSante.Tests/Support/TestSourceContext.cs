using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.AclSante.Tests.Support;

/// <summary>
/// A source context as the host gives it, with a fake clock, a collecting log, plain HTTP clients and an environment
/// holding <see cref="Some.TokenVariable"/>.
/// </summary>
public sealed class TestSourceContext : ISourceContext
{
    public TestSourceContext(string settingsJson, FakeTimeProvider? clock = null)
    {
        using var settings = JsonDocument.Parse(settingsJson);
        Settings = new PluginSettings(PluginId, settings.RootElement, name => name == Some.TokenVariable ? Some.Token : null);
        Clock = clock ?? Some.Clock();
    }

    public string PluginId => "acl-sante";

    public PluginSettings Settings { get; }

    public CollectingLog CollectedLog { get; } = new();

    public IPluginLog Log => CollectedLog;

    public FakeTimeProvider Clock { get; }

    public TimeProvider Time => Clock;

    public IPluginStateStore State { get; } = new InMemoryStateStore();

    public HttpClient CreateHttpClient() => new() { Timeout = TimeSpan.FromSeconds(30) };

    public ValueTask PublishAsync(IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("ACL Santé pulls; it never pushes.");
}
