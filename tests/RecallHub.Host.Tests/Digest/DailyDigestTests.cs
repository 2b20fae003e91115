using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Events;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Digest;
using RecallHub.Host.Engine;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Digest;

/// <summary>
/// The digest on a real SQLite file, each "process" a new service provider on the same file: what it reads from the
/// store, and the once-a-day rule across restarts with the catch-up of a missed time.
/// </summary>
public sealed class DailyDigestTests : IDisposable
{
    private static readonly HubSinks Sinks = new(["email"]);
    private static readonly DigestOptions Options = DigestOptions.Default with { PharmacyName = "Pharmacie des Tilleuls" };

    // A fake clock cannot go back: each test starts early and moves it forward.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _open = [];

    public DailyDigestTests() => Directory.CreateDirectory(_folder);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var open in _open)
        {
            open.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task MissedTime_IsCaughtUpAtStart_OncePerDay_AcrossRestarts()
    {
        // 07:00 in Paris (winter, UTC+1): half an hour before the digest.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var first = await StartAsync(Sinks);
        Assert.Null(await first.GetRequiredService<DailyDigest>().CatchUpAsync(Cancel));

        // The hub was down at 07:30 and comes back at 09:10.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 10, 0, TimeSpan.Zero));
        var caughtUp = await first.GetRequiredService<DailyDigest>().CatchUpAsync(Cancel);
        Assert.Equal((DigestSendOutcome.Sent, new DateOnly(2026, 11, 30)), (caughtUp!.Outcome, caughtUp.Day));

        // A restart the same day: the schedule, the catch-up and the command line all find it sent.
        var second = await StartAsync(Sinks);
        var digest = second.GetRequiredService<DailyDigest>();
        Assert.Equal(DigestSendOutcome.AlreadySent, (await digest.CatchUpAsync(Cancel))!.Outcome);
        Assert.Equal(DigestSendOutcome.AlreadySent, (await digest.SendAsync(digest.Today, Cancel)).Outcome);
        Assert.Single(await DigestsAsync(second));

        // The next morning is a new day.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 6, 31, 0, TimeSpan.Zero));
        var third = await StartAsync(Sinks);
        Assert.Equal(DigestSendOutcome.Sent, (await third.GetRequiredService<DailyDigest>().CatchUpAsync(Cancel))!.Outcome);
        var digests = await DigestsAsync(third);
        Assert.Equal(2, digests.Count);
        Assert.Contains("\"day\":\"2026-12-01\"", digests[1].PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSink_NothingIsWritten_AndTheDayStaysUnsent()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        var alone = await StartAsync(HubSinks.None);

        Assert.Equal(DigestSendOutcome.NoSink, (await alone.GetRequiredService<DailyDigest>().CatchUpAsync(Cancel))!.Outcome);

        var withSink = await StartAsync(Sinks);
        Assert.Equal(DigestSendOutcome.Sent, (await withSink.GetRequiredService<DailyDigest>().CatchUpAsync(Cancel))!.Outcome);
    }

    [Fact]
    public async Task ScannedPackThenRecall_IsInStockAndUnread_UntilAcknowledged_AndOtherRecallsAreForInformation()
    {
        var hub = await StartAsync(Sinks);
        var mediator = hub.GetRequiredService<IMediator>();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        await mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix("A53014", "S1"), PackEvent.Reception) { Workstation = "réserve" }]), Cancel);
        await mediator.Send(new IngestNotices([Some.Notice("A53014") with { PublishedAt = _clock.GetUtcNow() }], "test"), Cancel);

        // Received within the period (yesterday 07:30 to today 07:30, Paris): new; the one of the day before is not.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));
        await mediator.Send(new IngestNotices([Unrelated("lait", "Lait infantile 1er âge")], "test"), Cancel);
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero));
        await mediator.Send(new IngestNotices([Unrelated("creme-solaire", "Crème solaire Bébé SPF50")], "test"), Cancel);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 6, 45, 0, TimeSpan.Zero));
        var content = await BuildAsync(hub);

        var stock = Assert.Single(content.Stock);
        Assert.Equal(("Amlodipine Biogaran 5 mg", "MED26/A019/B018"), (stock.Title, stock.AlertNumber));
        Assert.Equal(["Retourner au laboratoire"], stock.Actions);
        Assert.Equal(("A53014", "S1", "réserve", 0), (Assert.Single(stock.Blocks).Lot, stock.Blocks[0].Serial, stock.Blocks[0].Workstation, stock.NewBlocks));
        var unread = Assert.Single(content.Unread);
        Assert.Equal((stock.RecallId, 1), (unread.RecallId, unread.AgeDays));
        Assert.Equal("Crème solaire Bébé SPF50", Assert.Single(content.NewRecalls).Title);
        Assert.Empty(content.Patients);
        Assert.False(content.IsEmpty);

        await using (var session = await hub.GetRequiredService<IRecallHubStore>().OpenSessionAsync(Cancel))
        {
            await session.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(stock.RecallId, "Marie Dupont", _clock.GetUtcNow()), Cancel);
        }

        Assert.Empty((await BuildAsync(hub)).Unread);
    }

    [Fact]
    public async Task DispensedPacks_OfARecallToPatients_AreCounted()
    {
        var hub = await StartAsync(Sinks);
        var mediator = hub.GetRequiredService<IMediator>();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        await mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix("A53014", "S1"), PackEvent.Dispensation), new ScanSubmission(Some.DataMatrix("A53014", "S2"), PackEvent.Dispensation)]), Cancel);
        await mediator.Send(new IngestNotices([Some.Notice("A53014") with { RecallLevels = RecallLevels.Pharmacies | RecallLevels.Patients }], "test"), Cancel);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 6, 45, 0, TimeSpan.Zero));
        var content = await BuildAsync(hub);

        Assert.Equal(2, Assert.Single(content.Patients).HandedOverPacks);
        Assert.Empty(content.Stock);
        Assert.Empty(content.NewRecalls);
        Assert.Single(content.Unread);
    }

    private static RecallNotice Unrelated(string sourceId, string title) => new()
    {
        Source = "rappelconso",
        SourceId = sourceId,
        Kind = NoticeKind.ConsumerRecall,
        Title = title,
        PublishedAt = Some.Today,
        Products = [new RecalledProduct(CodeScheme.Gtin, "03760000000017", title, LotSelector.All)],
    };

    private static async Task<DigestContent> BuildAsync(ServiceProvider hub)
    {
        var digest = hub.GetRequiredService<DailyDigest>();
        await using var session = await hub.GetRequiredService<IRecallHubStore>().OpenSessionAsync(Cancel);
        return await DigestBuilder.BuildAsync(session, digest.Today, Options.Time, null, Cancel);
    }

    private async Task<IReadOnlyList<OutboxMessage>> DigestsAsync(ServiceProvider hub)
    {
        await using var session = await hub.GetRequiredService<IRecallHubStore>().OpenSessionAsync(Cancel);
        return [.. (await session.Outbox.TakeDueAsync("email", 1000, _clock.GetUtcNow().AddYears(1), Cancel)).Where(m => m.EventType == "daily_digest")];
    }

    // One "process": its own store handle and container on the same file.
    private async Task<ServiceProvider> StartAsync(HubSinks sinks)
    {
        var store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folder, "hub.db"), _clock, cancellationToken: Cancel);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddHubEngine(store, sinks);
        services.AddDailyDigest(Options);
        var provider = services.BuildServiceProvider();
        _open.Add(provider);
        _open.Add(store);
        return provider;
    }
}
