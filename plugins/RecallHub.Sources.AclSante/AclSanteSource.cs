using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.AclSante.Api;
using RecallHub.Sources.AclSante.Mapping;
using RecallHub.Sources.AclSante.Units;
using RecallHub.Sources.AclSante.Wire;

namespace RecallHub.Sources.AclSante;

/// <summary>
/// The <c>acl-sante</c> source: structured safety notices for non-medicine health products (devices, dietetics…)
/// pulled from the ACL Santé portal with an API token, modelled on the EU Field Safety Notice. Wire format, settings
/// and mapping: <c>docs/sources.md</c>.
/// </summary>
/// <remarks>
/// <para>Pulls are incremental on the records' <c>updated_at</c>. The checkpoint is the newest <c>updated_at</c> read
/// (a record without one counts by its issue date), in ISO 8601 UTC (<c>2026-07-09T08:12:00Z</c>); each pull asks
/// for notices updated since the checkpoint minus <c>overlap</c>, so a notice read twice gives the same notice, which
/// the hub stores once. Pages follow the portal's cursor; after <c>max_pages</c> pages the fetch returns with
/// <see cref="SourceFetchResult.HasMore"/> so that the hub commits what was read before the next pages.</para>
/// <para>A follow-up notice keeps its FSCA reference as <see cref="RecallNotice.SourceId"/> with a higher
/// <see cref="RecallNotice.Version"/>: the hub stores it as a revision of the original.</para>
/// </remarks>
public sealed class AclSanteSource : IRecallSource
{
    private readonly TimeProvider _defaultTime;
    private ISourceContext? _context;
    private AclSanteOptions? _options;
    private HttpClient? _http;

    /// <summary>Creates the plugin, as the host does.</summary>
    public AclSanteSource()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the plugin with the clock that dates unreadable records before <see cref="StartAsync"/>.</summary>
    internal AclSanteSource(TimeProvider time)
    {
        _defaultTime = time;
    }

    private TimeProvider Time => _context?.Time ?? _defaultTime;

    /// <inheritdoc />
    public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _options = AclSanteOptions.Read(context.Settings);
        _http = context.CreateHttpClient();
        _context = context;
        context.Log.Write(PluginLogLevel.Information, $"Pulling {_options.Mapping.Format} notices from {_options.BaseUrl}{_options.Mapping.RequestPath}, {_options.PageSize} a page, with an overlap of {_options.Overlap}.");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("The ACL Santé source was not started: call StartAsync first.");
        var options = _options!;
        var portal = new AclPortalClient(_http!, options, context.Time, context.Log);
        var since = ReadCheckpoint(checkpoint, context.Log);
        var asked = since is { } s ? s - options.Overlap : FirstLoadStart(options);

        var readings = new List<NoticeReading>();
        var url = portal.FirstPage(asked);
        bool hasMore = false;
        bool formatWarned = false;
        for (int page = 1; ; page++)
        {
            string content = await portal.GetAsync(url, cancellationToken).ConfigureAwait(false);
            string? next;
            try
            {
                using var document = JsonDocument.Parse(content);
                var root = document.RootElement;
                if (!formatWarned && options.Mapping.FormatMismatch(root) is { } mismatch)
                {
                    context.Log.Write(PluginLogLevel.Warning, mismatch);
                    formatWarned = true;
                }

                readings.AddRange(Map(options.Mapping, root));
                next = options.Mapping.NextPage(root);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new FormatException($"ACL Santé: GET {url} answered 200 but not {options.Mapping.Format} notices: {e.Message}", e);
            }

            context.Log.Write(PluginLogLevel.Debug, $"GET {url}: page {page}, {readings.Count} records so far.");
            if (next is null)
            {
                break;
            }

            var nextUrl = portal.NextPage(url, next);
            if (nextUrl == url)
            {
                throw new FormatException($"ACL Santé: GET {url} gives itself as the next page; the pull stops instead of looping.");
            }

            url = nextUrl;
            // Hand over to the hub after max_pages, but only once the checkpoint moves: stopping earlier would ask the
            // same pages again forever.
            if (page >= options.MaxPages && Newest(readings) is { } newest && (since is null || newest > since))
            {
                hasMore = true;
                break;
            }
        }

        var unique = readings
            .GroupBy(r => (r.Notice.SourceId, r.Notice.Version))
            .Select(g => g.Last())
            .OrderBy(r => r.Notice.PublishedAt)
            .ThenBy(r => r.Notice.SourceId, StringComparer.Ordinal)
            .ThenBy(r => r.Notice.Version)
            .ToList();
        foreach (var reading in unique)
        {
            if (reading.IsUnreadable)
            {
                context.Log.Write(PluginLogLevel.Error, $"{string.Join(" ", reading.Problems)} It is kept as a low-confidence notice with the raw record.");
            }
            else if (reading.Problems.Count > 0)
            {
                context.Log.Write(PluginLogLevel.Warning, $"Notice {reading.Notice.SourceId} v{reading.Notice.Version} kept with low confidence: {string.Join(" ", reading.Problems)}");
            }
        }

        string? nextCheckpoint = Newest(unique) is { } n && (since is null || n > since) ? WireDates.Format(n) : checkpoint;
        context.Log.Write(PluginLogLevel.Information, $"Read {unique.Count} notices ({unique.Count(r => r.Notice.IsLowConfidence)} low-confidence); checkpoint {nextCheckpoint ?? "none"}{(hasMore ? "; more to read" : "")}.");
        return new SourceFetchResult([.. unique.Select(r => r.Notice)], nextCheckpoint, hasMore);
    }

    /// <inheritdoc />
    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        // Without settings, saved payloads are read with the default wire mapping.
        var mapping = _options?.Mapping ?? new WireMapping();
        try
        {
            using var document = JsonDocument.Parse(payload.Content);
            return [.. Map(mapping, document.RootElement).Select(r => r.Notice)];
        }
        catch (JsonException e)
        {
            throw new FormatException($"{payload.Url?.ToString() ?? "The payload"} is not JSON: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http?.Dispose();
        _http = null;
        return ValueTask.CompletedTask;
    }

    private List<NoticeReading> Map(WireMapping mapping, JsonElement root)
    {
        var seenAt = Time.GetUtcNow();
        return [.. mapping.Records(root).Select(record => NoticeMapper.Map(mapping.Read(record), seenAt))];
    }

    private static DateTimeOffset? Newest(IEnumerable<NoticeReading> readings) =>
        readings.Select(r => r.UpdatedAt).Where(d => d is not null).Max();

    private static DateTimeOffset? FirstLoadStart(AclSanteOptions options) =>
        options.FirstLoadSince is { } day ? WireDates.ParseInstant(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    private static DateTimeOffset? ReadCheckpoint(string? checkpoint, IPluginLog log)
    {
        if (checkpoint is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(checkpoint, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            return since;
        }

        log.Write(PluginLogLevel.Warning, $"Checkpoint '{checkpoint}' is not an ISO 8601 date-time: pulling everything again.");
        return null;
    }
}
