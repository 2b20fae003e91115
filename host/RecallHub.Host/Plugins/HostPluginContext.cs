using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Host.Plugins;

/// <summary>The context the host hands each plugin: its settings, log, clock, HTTP clients, state and publishing.</summary>
internal sealed class HostPluginContext(
    PluginEntry entry,
    ILoggerFactory loggers,
    TimeProvider time,
    IHttpClientFactory http,
    IPluginStateStore state,
    Func<string, IReadOnlyList<RecallNotice>, CancellationToken, ValueTask> publish) : ISourceContext
{
    public string PluginId { get; } = entry.Id;

    public PluginSettings Settings { get; } = new(entry.Id, entry.Settings);

    public IPluginLog Log { get; } = new PluginLog(loggers, entry.Id);

    public TimeProvider Time { get; } = time;

    public IPluginStateStore State { get; } = state;

    public HttpClient CreateHttpClient() => http.CreateClient(PluginHttpClients.ClientName(PluginId));

    public ValueTask PublishAsync(IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var problems = notices.SelectMany((n, i) => RecallNoticeJson.Validate(n).Select(p => p with { Path = $"notices[{i}]{p.Path[1..]}" })).ToList();
        return problems.Count > 0
            ? throw new RecallNoticeFormatException(problems)
            : publish(PluginId, notices, cancellationToken);
    }
}
