using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Nmvs.Tests.Support;

/// <summary>
/// A source context for the NMVS plugin: settings from JSON, a fake clock, state in memory, and a publish that checks
/// each notice as the host does and keeps it.
/// </summary>
internal sealed class TestSourceContext : ISourceContext
{
    public TestSourceContext(string settingsJson, FakeTimeProvider time, InMemoryStateStore? state = null)
    {
        using var settings = JsonDocument.Parse(settingsJson);
        Settings = new PluginSettings(PluginId, settings.RootElement);
        Clock = time;
        MemoryState = state ?? new InMemoryStateStore();
    }

    public string PluginId => "nmvs";

    public PluginSettings Settings { get; }

    public CollectingLog CollectingLog { get; } = new();

    public IPluginLog Log => CollectingLog;

    public FakeTimeProvider Clock { get; }

    public TimeProvider Time => Clock;

    public InMemoryStateStore MemoryState { get; }

    public IPluginStateStore State => MemoryState;

    public ConcurrentQueue<RecallNotice> Published { get; } = new();

    public HttpClient CreateHttpClient() => throw new NotSupportedException("The NMVS plugin builds its own client (it needs a client certificate).");

    public ValueTask PublishAsync(IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken = default)
    {
        var problems = notices.SelectMany(RecallNoticeJson.Validate).ToList();
        if (problems.Count > 0)
        {
            throw new RecallNoticeFormatException(problems);
        }

        foreach (var notice in notices)
        {
            Published.Enqueue(notice);
        }

        return ValueTask.CompletedTask;
    }
}
