using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// The context the hub gives a plugin, held in memory: settings from JSON or an object, secrets from a dictionary
/// (never the real environment), a log that keeps every line, a fake clock, an in-memory state and HTTP clients
/// like the hub's.
/// </summary>
/// <remarks>
/// Configure it before starting the plugin (<see cref="WithSettings(string)"/>, <see cref="WithSecret"/>…); the
/// <see cref="Settings"/> object is rebuilt after each change. Dispose it to dispose the HTTP clients it created.
/// </remarks>
public class TestPluginContext : IPluginContext, IDisposable
{
    private readonly List<HttpClient> _clients = [];
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private JsonElement _settingsJson;
    private Func<HttpMessageHandler>? _handler;
    private PluginSettings _settings;

    /// <summary>Creates a context for plugin <paramref name="pluginId"/> with empty settings.</summary>
    /// <param name="pluginId">The plugin's id, as in its <c>plugin.json</c> and <c>plugins.json</c>.</param>
    /// <param name="clock">The clock; by default a <see cref="FakeTimeProvider"/> at <see cref="Some.Now"/>.</param>
    /// <param name="state">The state; give another context's to play a restart. A new one by default.</param>
    public TestPluginContext(string pluginId, FakeTimeProvider? clock = null, InMemoryPluginState? state = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        PluginId = pluginId;
        Clock = clock ?? new FakeTimeProvider(Some.Now);
        State = state ?? new InMemoryPluginState();
        Log = new CollectingPluginLog(Clock);
        _settings = PluginSettings.Empty(pluginId);
    }

    /// <inheritdoc />
    public string PluginId { get; }

    /// <inheritdoc />
    public PluginSettings Settings => _settings;

    /// <summary>The log, with every line the plugin wrote.</summary>
    public CollectingPluginLog Log { get; }

    IPluginLog IPluginContext.Log => Log;

    /// <summary>The fake clock: move it with <see cref="FakeTimeProvider.Advance"/> or <see cref="RunWithClockAsync{T}"/>.</summary>
    public FakeTimeProvider Clock { get; }

    /// <inheritdoc />
    public TimeProvider Time => Clock;

    /// <summary>The plugin's state, in memory.</summary>
    public InMemoryPluginState State { get; }

    IPluginStateStore IPluginContext.State => State;

    /// <summary>How many HTTP clients the plugin asked for.</summary>
    public int HttpClientsCreated
    {
        get
        {
            lock (_lock)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Sets the settings from a JSON object, as written in the plugin's <c>"settings"</c> in <c>plugins.json</c>.</summary>
    /// <param name="json">A JSON object, e.g. <c>{ "url": "http://127.0.0.1:5000/", "delay": 2 }</c>.</param>
    /// <returns>This context.</returns>
    public TestPluginContext WithSettings(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        _settingsJson = document.RootElement.Clone();
        Rebuild();
        return this;
    }

    /// <summary>
    /// Sets the settings from an object serialised as JSON with its member names as written, e.g.
    /// <c>new { url = server.BaseAddress, delay = 2 }</c>.
    /// </summary>
    /// <param name="settings">The settings object.</param>
    /// <returns>This context.</returns>
    public TestPluginContext WithSettings(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settingsJson = JsonSerializer.SerializeToElement(settings, settings.GetType());
        Rebuild();
        return this;
    }

    /// <summary>
    /// Sets environment variable <paramref name="variable"/> as the plugin sees it: a setting written
    /// <c>"env:VARIABLE"</c> reads it through <see cref="PluginSettings.GetSecret"/>. Unset variables are missing,
    /// whatever the real environment holds.
    /// </summary>
    /// <param name="variable">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This context.</returns>
    public TestPluginContext WithSecret(string variable, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            _secrets[variable] = value;
        }

        Rebuild();
        return this;
    }

    /// <summary>Makes <see cref="CreateHttpClient"/> send through handlers made by <paramref name="handler"/> (a stub, a recorder).</summary>
    /// <param name="handler">Makes one handler per client; the client disposes it.</param>
    /// <returns>This context.</returns>
    public TestPluginContext WithHttpHandler(Func<HttpMessageHandler> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        return this;
    }

    /// <summary>
    /// A new HTTP client as the hub makes one: a User-Agent naming RecallHub and the plugin, a 100 s timeout.
    /// </summary>
    /// <returns>The client; the context disposes it.</returns>
    public HttpClient CreateHttpClient()
    {
        var client = _handler is { } make ? new HttpClient(make(), disposeHandler: true) : new HttpClient();
        client.Timeout = TimeSpan.FromSeconds(100);
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("RecallHub", "tests"));
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue($"(plugin {PluginId})"));
        lock (_lock)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>
    /// Runs <paramref name="work"/> while moving the fake clock on by <paramref name="step"/> (500 ms by default) every
    /// few real milliseconds, so that the plugin's pauses and retry delays elapse without the test sleeping through
    /// them. The clock only moves forward; how far it moved depends on how long the work really took.
    /// </summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="work">The work, started at once.</param>
    /// <param name="step">How far the clock moves each time.</param>
    /// <returns>The work's result.</returns>
    public async Task<T> RunWithClockAsync<T>(Func<Task<T>> work, TimeSpan? step = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var advance = step ?? TimeSpan.FromMilliseconds(500);
        var task = work();
        while (!task.IsCompleted)
        {
            Clock.Advance(advance);
            await Task.WhenAny(task, Task.Delay(5)).ConfigureAwait(false);
        }

        return await task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP clients this context created.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }

    private void Rebuild()
    {
        Dictionary<string, string> secrets;
        lock (_lock)
        {
            secrets = new Dictionary<string, string>(_secrets, StringComparer.Ordinal);
        }

        _settings = new PluginSettings(PluginId, _settingsJson, variable => secrets.TryGetValue(variable, out string? value) ? value : null);
    }
}
