using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Ansm.Tests.Support;

/// <summary>A source context for the ANSM plugin: settings from JSON, a fake clock, state in memory, a real HTTP client.</summary>
internal sealed class TestSourceContext : ISourceContext, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public TestSourceContext(string settingsJson, FakeTimeProvider? time = null)
    {
        using var settings = JsonDocument.Parse(settingsJson);
        Settings = new PluginSettings(PluginId, settings.RootElement);
        Clock = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 8, 20, 7, 0, 0, TimeSpan.Zero));
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("RecallHub/tests");
    }

    public string PluginId => "ansm";

    public PluginSettings Settings { get; }

    public CollectingLog CollectingLog { get; } = new();

    public IPluginLog Log => CollectingLog;

    public FakeTimeProvider Clock { get; }

    public TimeProvider Time => Clock;

    public InMemoryStateStore MemoryState { get; } = new();

    public IPluginStateStore State => MemoryState;

    public HttpClient CreateHttpClient() => _http;

    public ValueTask PublishAsync(IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The ANSM source only pulls.");

    /// <summary>
    /// Runs <paramref name="work"/> while moving the fake clock on, so that the plugin's pauses elapse without the test
    /// sleeping through them.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var task = work();
        while (!task.IsCompleted)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(task, Task.Delay(5, TestContext.Current.CancellationToken));
        }

        return await task;
    }

    public void Dispose() => _http.Dispose();
}
