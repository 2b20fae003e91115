using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Email.Tests.Support;

/// <summary>Test data that is valid unless a test says otherwise.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private static int s_events;

    public static FakeTimeProvider Clock() => new(Today);

    public static RecallNotice Notice(string title = "Amlodipine Biogaran 5 mg, gélule") => new()
    {
        Source = "ansm",
        SourceId = "amlodipine-2026-11",
        Title = title,
        AlertNumber = "MED26/A019/B018",
        Reason = "Résultat hors spécification en dissolution.",
        Risk = "Pas de risque immédiat identifié.",
        RecallLevels = RecallLevels.Pharmacies | RecallLevels.Wholesalers,
        PublishedAt = Today,
        Actions = ["Mettre les boîtes en quarantaine", "Les retourner au laboratoire Biogaran"],
        Links = [new NoticeLink(new Uri("https://ansm.sante.fr/informations-de-securite/amlodipine"))],
        Products = [new RecalledProduct(CodeScheme.Cip13, "3400930270387", "Amlodipine Biogaran 5 mg", new LotSelector { Lots = [new LotEntry("A53014")] })],
    };

    public static HubEvent RecallReceived(long recallId, RecallNotice? notice = null) =>
        Event(HubEventType.RecallReceived, recallId) with { Notice = notice ?? Notice() };

    public static HubEvent StockBlocked(long recallId, string lot, string serial) =>
        Event(HubEventType.StockBlocked, recallId) with
        {
            Pack = new BlockedPack(100 + Interlocked.Increment(ref s_events), "03400930270387", "3400930270387", lot, serial, new DateOnly(2028, 2, 29), Today, "comptoir-2"),
            Message = $"Rappel « Amlodipine » : la boîte n° {serial} est concernée. Ne pas délivrer ; suivre la procédure du rappel.",
        };

    public static HubEvent DispensedPackConcerned(long recallId, string lot) =>
        Event(HubEventType.DispensedPackConcerned, recallId) with
        {
            Pack = new BlockedPack(0, "03400930270387", null, lot, null, null, Today.AddDays(-3), "comptoir-1"),
        };

    public static HubEvent DailyDigest(DateOnly day, string subject = "[RecallHub] Pharmacie des Tilleuls — rien à signaler") => new()
    {
        Id = $"evt-{Interlocked.Increment(ref s_events):D6}",
        Type = HubEventType.DailyDigest,
        OccurredAt = Today,
        Digest = new DigestDocument(day, subject, "<p>Rien à signaler aujourd&#x2019;hui.</p>", "Rien à signaler aujourd'hui."),
    };

    private static HubEvent Event(HubEventType type, long recallId) => new()
    {
        Id = $"evt-{Interlocked.Increment(ref s_events):D6}",
        Type = type,
        RecallId = recallId,
        OccurredAt = Today,
    };
}
