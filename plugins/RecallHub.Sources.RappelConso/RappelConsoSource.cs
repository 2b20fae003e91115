using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.RappelConso.Api;
using RecallHub.Sources.RappelConso.Mapping;
using RecallHub.Sources.RappelConso.Records;

namespace RecallHub.Sources.RappelConso;

/// <summary>
/// The <c>rappelconso</c> source: consumer recalls published by RappelConso on data.economie.gouv.fr that concern a
/// pharmacy (cosmetics, infant products, food supplements and dietetics, and any listed GTIN). Settings and mapping:
/// <c>docs/sources.md</c>.
/// </summary>
/// <remarks>
/// <para>Pulls are incremental on <c>date_publication</c>. The checkpoint is the newest <c>date_publication</c> seen,
/// in ISO 8601 UTC (<c>2026-03-12T14:02:11Z</c>); each pull asks again from the checkpoint minus <c>overlap</c>, so a
/// record seen twice gives the same notice twice, which the hub stores once. The first pull (no checkpoint), and any
/// pull whose window holds more than the <c>records</c> endpoint's 10 000-offset cap, uses <c>exports/json</c>.</para>
/// <para><see cref="Parse"/> returns every record of a payload, kept by the category filter or not; pulls return
/// only the kept ones.</para>
/// </remarks>
public sealed class RappelConsoSource : IRecallSource
{
    private readonly TimeProvider _defaultTime;
    private ISourceContext? _context;
    private RappelConsoOptions? _options;
    private PharmacyRelevance? _relevance;
    private HttpClient? _http;

    /// <summary>Creates the plugin, as the host does.</summary>
    public RappelConsoSource()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the plugin with the clock that dates unreadable records before <see cref="StartAsync"/>.</summary>
    internal RappelConsoSource(TimeProvider time)
    {
        _defaultTime = time;
    }

    private TimeProvider Time => _context?.Time ?? _defaultTime;

    /// <inheritdoc />
    public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _options = RappelConsoOptions.Read(context.Settings);
        _relevance = new PharmacyRelevance(_options.Categories, _options.AlwaysKeepGtins);
        _http = context.CreateHttpClient();
        _context = context;
        context.Log.Write(PluginLogLevel.Information, $"Pulling dataset {_options.Dataset} from {_options.BaseUrl} with an overlap of {_options.Overlap}; keeping {_options.Categories.Count} categories and {_options.AlwaysKeepGtins.Count} GTIN prefixes.");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("The RappelConso source was not started: call StartAsync first.");
        var options = _options!;
        var api = new ExploreApiClient(_http!, options, context.Time, context.Log);
        var since = ReadCheckpoint(checkpoint, context.Log);

        var readings = new List<RecordReading>();
        if (since is null)
        {
            string? where = options.FirstLoadSince is { } day
                ? ExploreApiClient.PublishedSince(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
                : null;
            context.Log.Write(PluginLogLevel.Information, $"First pull: exporting {(where is null ? "the whole dataset" : where)}.");
            readings.AddRange(await ReadAsync(api, api.ExportUrl(where), cancellationToken).ConfigureAwait(false));
        }
        else
        {
            readings.AddRange(await PullWindowAsync(api, ExploreApiClient.PublishedSince(since.Value - options.Overlap), cancellationToken).ConfigureAwait(false));
        }

        // Pages may repeat a record when the dataset changes between them: one notice per (id, version).
        var unique = readings
            .GroupBy(r => (r.Notice.SourceId, r.Notice.Version))
            .Select(g => g.Last())
            .OrderBy(r => r.Notice.PublishedAt)
            .ThenBy(r => r.Notice.SourceId, StringComparer.Ordinal)
            .ToList();
        foreach (var reading in unique.Where(r => r.IsUnreadable))
        {
            context.Log.Write(PluginLogLevel.Error, $"{string.Join(" ", reading.Problems)} It is kept as a low-confidence notice with the raw record: {reading.Notice.SourceId}.");
        }

        var kept = unique.Where(_relevance!.Keeps).ToList();
        foreach (var reading in kept.Where(r => !r.IsUnreadable && r.Problems.Count > 0))
        {
            context.Log.Write(PluginLogLevel.Warning, $"Fiche {reading.Notice.SourceId} kept with low confidence: {string.Join(" ", reading.Problems)}");
        }

        var newest = unique.Select(r => r.PublishedAt).Where(d => d is not null).Max();
        string? next = newest is { } n && (since is null || n > since) ? RappelConsoDates.Format(n) : checkpoint;
        context.Log.Write(PluginLogLevel.Information, $"Read {unique.Count} records; kept {kept.Count} for the pharmacy ({unique.Count - kept.Count} outside its categories and GTINs); checkpoint {next ?? "none"}.");
        return new SourceFetchResult([.. kept.Select(r => r.Notice)], next);
    }

    /// <inheritdoc />
    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return [.. Read(payload.Content, payload.Url).Select(r => r.Notice)];
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http?.Dispose();
        _http = null;
        return ValueTask.CompletedTask;
    }

    private async Task<IReadOnlyList<RecordReading>> PullWindowAsync(ExploreApiClient api, string where, CancellationToken cancellationToken)
    {
        var options = _options!;
        var log = _context!.Log;
        var readings = new List<RecordReading>();
        for (int offset = 0; ;)
        {
            int limit = Math.Min(options.PageSize, RappelConsoOptions.OffsetCap - offset);
            var url = api.RecordsUrl(where, limit, offset);
            string content = await api.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var (page, total) = ReadPage(content, url);
            if (offset == 0 && total > RappelConsoOptions.OffsetCap)
            {
                log.Write(PluginLogLevel.Information, $"{total} records match {where}, more than the records endpoint's cap of {RappelConsoOptions.OffsetCap}: exporting them instead.");
                return await ReadAsync(api, api.ExportUrl(where), cancellationToken).ConfigureAwait(false);
            }

            readings.AddRange(page);
            offset += page.Count;
            log.Write(PluginLogLevel.Debug, $"GET {url}: {page.Count} records ({offset} of {total?.ToString(CultureInfo.InvariantCulture) ?? "?"}).");
            if (page.Count < limit || (total is { } t && offset >= t) || offset >= RappelConsoOptions.OffsetCap)
            {
                return readings;
            }
        }
    }

    private async Task<IReadOnlyList<RecordReading>> ReadAsync(ExploreApiClient api, Uri url, CancellationToken cancellationToken)
    {
        string content = await api.GetAsync(url, cancellationToken).ConfigureAwait(false);
        return ReadPage(content, url).Records;
    }

    private (IReadOnlyList<RecordReading> Records, long? Total) ReadPage(string content, Uri url)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return (ReadRecords(document.RootElement), PayloadRecords.TotalCount(document.RootElement));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new FormatException($"RappelConso: GET {url} answered 200 but not RappelConso records: {e.Message}", e);
        }
    }

    private IReadOnlyList<RecordReading> Read(string content, Uri? url)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return ReadRecords(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{url?.ToString() ?? "The payload"} is not JSON: {e.Message}", e);
        }
    }

    private List<RecordReading> ReadRecords(JsonElement root)
    {
        var seenAt = Time.GetUtcNow();
        return [.. PayloadRecords.Of(root).Select(record => RecordMapper.Map(record, seenAt))];
    }

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

        log.Write(PluginLogLevel.Warning, $"Checkpoint '{checkpoint}' is not an ISO 8601 date-time: pulling the whole dataset again.");
        return null;
    }
}
