using RecallHub.Abstractions.Notices;
using RecallHub.Core.Blocking;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;
using RecallHub.Host.Running;

namespace RecallHub.Host.Digest;

/// <summary>
/// Reads one day's digest from the store: the period runs from the previous day's digest time to this day's, so a day
/// late or a preview covers exactly what a digest sent on time would.
/// </summary>
internal static class DigestBuilder
{
    /// <summary>The instant of <paramref name="day"/>'s digest: its time of day, Europe/Paris.</summary>
    public static DateTimeOffset TimeOf(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, PluginRuntimeServices.ScheduleTimeZone.GetUtcOffset(local));
    }

    /// <summary>The day it is in Paris at <paramref name="now"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, PluginRuntimeServices.ScheduleTimeZone).DateTime);

    /// <summary>Reads the digest of <paramref name="day"/>.</summary>
    /// <param name="session">A session on the store; the reads join its transaction, if any.</param>
    /// <param name="day">The day.</param>
    /// <param name="time">The digest's time of day.</param>
    /// <param name="plugins">The plugins' health, or <see langword="null"/> outside the running hub.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<DigestContent> BuildAsync(IStoreSession session, DateOnly day, TimeOnly time, IReadOnlyList<DigestPluginHealth>? plugins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var to = TimeOf(day, time);
        var from = TimeOf(day.AddDays(-1), time);
        var recalls = new Dictionary<long, StoredRecall?>();
        async Task<StoredRecall?> RecallAsync(long id) =>
            recalls.TryGetValue(id, out var known) ? known : recalls[id] = await session.Recalls.GetAsync(id, cancellationToken).ConfigureAwait(false);

        var stock = new List<DigestStockRecall>();
        foreach (var group in (await ActiveBlocksAsync(session, cancellationToken).ConfigureAwait(false)).GroupBy(b => b.RecallId))
        {
            if (await RecallAsync(group.Key).ConfigureAwait(false) is not { } recall)
            {
                continue;
            }

            var blocks = group.OrderBy(b => b.Since).ThenBy(b => b.Id).ToList();
            stock.Add(new DigestStockRecall(recall.Id, recall.Title, recall.AlertNumber, Actions(recall), blocks, blocks.Count(b => b.Since >= from && b.Since < to)));
        }

        // Most packs first: the recall that empties a shelf before the one that takes a box.
        stock = [.. stock.OrderByDescending(s => s.Blocks.Count).ThenBy(s => s.RecallId)];

        var patients = new List<DigestPatientRecall>();
        foreach (var active in await session.Recalls.ListActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!active.RecallLevels.HasFlag(RecallLevels.Patients) || !StockAction.Blocks(active.Kind))
            {
                continue;
            }

            var (packs, _) = await RecallExposure.FindAsync(session.Scans, active.Products, cancellationToken).ConfigureAwait(false);
            int handedOver = packs.Count(p => p.Holding.Dispensed && p.Outcome == MatchOutcome.Concerned);
            if (handedOver > 0)
            {
                patients.Add(new DigestPatientRecall(active.RecallId, active.Title is { Length: > 0 } title ? title : $"Rappel n° {active.RecallId}", active.AlertNumber, handedOver));
            }
        }

        var alerts = new List<DigestVerificationAlert>();
        var news = new List<DigestNewRecall>();
        var concerning = stock.Select(s => s.RecallId).Concat(patients.Select(p => p.RecallId)).ToHashSet();
        foreach (var summary in await ReceivedAsync(session, from, to, cancellationToken).ConfigureAwait(false))
        {
            if (summary.Kind == NoticeKind.VerificationAlert)
            {
                var recall = await RecallAsync(summary.Id).ConfigureAwait(false);
                var notice = recall?.Revisions.LastOrDefault(r => r.IsCurrent)?.ReadNotice();
                alerts.Add(new DigestVerificationAlert(summary.Id, summary.Title, summary.AlertNumber, notice?.Reason ?? notice?.Risk, recall is null ? [] : Actions(recall), recall?.CreatedAt ?? summary.UpdatedAt));
            }
            else if (!concerning.Contains(summary.Id)
                && (await session.Blocks.ListAsync(new BlockFilter { RecallId = summary.Id }, new Paging(0, 1), cancellationToken).ConfigureAwait(false)).Total == 0)
            {
                // A recall whose blocks were all lifted already concerned the stock and was dealt with: not news.
                news.Add(new DigestNewRecall(summary.Id, summary.Title, summary.AlertNumber, summary.Kind, summary.Sources, summary.PublishedAt));
            }
        }

        var unread = new List<DigestUnreadRecall>();
        foreach (long id in concerning.Concat(alerts.Select(a => a.RecallId)).Distinct())
        {
            if (!(await session.FollowUp.GetAsync(id, cancellationToken).ConfigureAwait(false)).IsAcknowledged
                && await RecallAsync(id).ConfigureAwait(false) is { } recall)
            {
                unread.Add(new DigestUnreadRecall(id, recall.Title, recall.AlertNumber, recall.CreatedAt, Math.Max(0, (int)(to - recall.CreatedAt).TotalDays)));
            }
        }

        return new DigestContent(
            day,
            from,
            to,
            stock,
            patients,
            [.. unread.OrderBy(u => u.ReceivedAt).ThenBy(u => u.RecallId)],
            [.. alerts.OrderBy(a => a.ReceivedAt).ThenBy(a => a.RecallId)],
            [.. news.OrderByDescending(n => n.PublishedAt).ThenBy(n => n.RecallId)],
            plugins);
    }

    // The actions of every linked source's current notice, each said once.
    private static List<string> Actions(StoredRecall recall) =>
        [.. recall.Revisions.Where(r => r.IsCurrent).SelectMany(r => r.ReadNotice().Actions).Distinct(StringComparer.Ordinal)];

    private static async Task<List<StockBlock>> ActiveBlocksAsync(IStoreSession session, CancellationToken cancellationToken)
    {
        var all = new List<StockBlock>();
        for (int offset = 0; ; offset += Paging.MaxLimit)
        {
            var page = await session.Blocks.ListAsync(new BlockFilter { Active = true }, new Paging(offset, Paging.MaxLimit), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            if (page.Items.Count < Paging.MaxLimit)
            {
                return all;
            }
        }
    }

    private static async Task<List<RecallSummary>> ReceivedAsync(IStoreSession session, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var all = new List<RecallSummary>();
        var filter = new RecallFilter { ReceivedFrom = from, ReceivedBefore = to };
        for (int offset = 0; ; offset += Paging.MaxLimit)
        {
            var page = await session.Recalls.ListAsync(filter, new Paging(offset, Paging.MaxLimit), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            if (page.Items.Count < Paging.MaxLimit)
            {
                return all;
            }
        }
    }
}
