using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>Test data: hub events as the engine writes them, a clock, a secret.</summary>
internal static class Some
{
    public const string Secret = "s3cret-shared-with-the-lgo-0123456789";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private static long _sequence;

    public static FakeTimeProvider Clock() => new(Now);

    public static string EventId() => Guid.NewGuid().ToString("N");

    public static RecallNotice Notice(string title = "Amlodipine Biogaran 5 mg", string? alertNumber = "MED26/A019/B018") => new()
    {
        Source = "ansm",
        SourceId = "amlodipine-biogaran",
        Title = title,
        AlertNumber = alertNumber,
        PublishedAt = Now.AddHours(-1),
        RawPayload = "<html>a large page</html>",
    };

    public static HubEvent RecallReceived(long recallId = 1, RecallNotice? notice = null) => new()
    {
        Id = EventId(),
        Sequence = Interlocked.Increment(ref _sequence),
        Type = HubEventType.RecallReceived,
        OccurredAt = Now,
        RecallId = recallId,
        Notice = notice ?? Notice(),
        Message = "Nouveau rappel « Amlodipine Biogaran 5 mg » (MED26/A019/B018).",
    };

    public static HubEvent Blocked(long blockId, string? lot = "A53014", string? serial = null, long recallId = 1, string? message = null) => new()
    {
        Id = EventId(),
        Sequence = Interlocked.Increment(ref _sequence),
        Type = HubEventType.StockBlocked,
        OccurredAt = Now,
        RecallId = recallId,
        Pack = Pack(blockId, lot, serial),
        Message = message ?? $"Ne pas délivrer : boîte du lot {lot} rappelée (« Amlodipine Biogaran 5 mg »).",
    };

    public static HubEvent Unblocked(long blockId, string? lot = "A53014", string? serial = null, long recallId = 1) => new()
    {
        Id = EventId(),
        Sequence = Interlocked.Increment(ref _sequence),
        Type = HubEventType.StockUnblocked,
        OccurredAt = Now,
        RecallId = recallId,
        Pack = Pack(blockId, lot, serial),
        Message = "Blocage levé par Marie Dupont : retourné au grossiste",
        Decision = "Marie Dupont — retourné au grossiste",
    };

    public static BlockedPack Pack(long blockId, string? lot, string? serial) =>
        new(blockId, "03400930270387", "3400930270387", lot, serial, new DateOnly(2028, 2, 29), Now.AddMinutes(blockId), "comptoir-1");
}
