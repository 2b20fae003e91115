using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// The context of a source plugin, in memory: a <see cref="TestPluginContext"/> that also collects the notices the
/// source pushes with <see cref="PublishAsync"/>, checked as the hub checks them.
/// </summary>
public class TestSourceContext : TestPluginContext, ISourceContext
{
    private readonly List<RecallNotice> _published = [];
    private readonly Lock _publishedLock = new();

    /// <summary>Creates a context for source <paramref name="pluginId"/> with empty settings.</summary>
    /// <param name="pluginId">The source's id.</param>
    /// <param name="clock">The clock; by default a <see cref="FakeTimeProvider"/> at <see cref="Some.Now"/>.</param>
    /// <param name="state">The state; give another context's to play a restart.</param>
    public TestSourceContext(string pluginId, FakeTimeProvider? clock = null, InMemoryPluginState? state = null)
        : base(pluginId, clock, state)
    {
    }

    /// <summary>The notices the source pushed, in order (a snapshot).</summary>
    public IReadOnlyList<RecallNotice> Published
    {
        get
        {
            lock (_publishedLock)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>Sets the settings from a JSON object.</summary>
    /// <param name="json">A JSON object, as in <c>plugins.json</c>.</param>
    /// <returns>This context.</returns>
    public new TestSourceContext WithSettings(string json) => (TestSourceContext)base.WithSettings(json);

    /// <summary>Sets the settings from an object serialised as JSON.</summary>
    /// <param name="settings">The settings object.</param>
    /// <returns>This context.</returns>
    public new TestSourceContext WithSettings(object settings) => (TestSourceContext)base.WithSettings(settings);

    /// <summary>Sets an environment variable as the plugin sees it.</summary>
    /// <param name="variable">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This context.</returns>
    public new TestSourceContext WithSecret(string variable, string value) => (TestSourceContext)base.WithSecret(variable, value);

    /// <summary>
    /// Collects <paramref name="notices"/>, or refuses them all with every problem's path when one breaks the notice
    /// rules, as the hub does (<see cref="RecallNoticeFormatException"/>).
    /// </summary>
    /// <param name="notices">The notices pushed.</param>
    /// <param name="cancellationToken">Ignored.</param>
    /// <returns>A completed task.</returns>
    public ValueTask PublishAsync(IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var problems = notices.SelectMany((n, i) => RecallNoticeJson.Validate(n).Select(p => p with { Path = $"notices[{i}]{p.Path[1..]}" })).ToList();
        if (problems.Count > 0)
        {
            throw new RecallNoticeFormatException(problems);
        }

        lock (_publishedLock)
        {
            _published.AddRange(notices);
        }

        return ValueTask.CompletedTask;
    }
}
