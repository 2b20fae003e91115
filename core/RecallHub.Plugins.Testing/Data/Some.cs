using System.Globalization;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// Test data that is valid unless a test says otherwise: notices the hub accepts, product codes with their check
/// digit, hub events as the hub writes them. Each call gives fresh ids and codes; change what a test is about with
/// <c>with</c>.
/// </summary>
public static class Some
{
    private static int s_counter;

    /// <summary>The start of every test clock: Monday 2 March 2026, 08:00 UTC.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A number never given before in this process.</summary>
    /// <returns>1, 2, 3…</returns>
    public static int Number() => Interlocked.Increment(ref s_counter);

    /// <summary>A valid CIP13 (34009, six digits, check digit).</summary>
    /// <returns>The code.</returns>
    public static string Cip13() => WithCheckDigit("3400930" + (Number() % 100_000).ToString("D5", CultureInfo.InvariantCulture));

    /// <summary>A valid GTIN-13 outside the French health prefixes (a parapharmacy product).</summary>
    /// <returns>The code.</returns>
    public static string Gtin13() => WithCheckDigit("376000" + (Number() % 1_000_000).ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>Appends the GS1 check digit to <paramref name="digits"/>.</summary>
    /// <param name="digits">7, 11, 12 or 13 digits.</param>
    /// <returns>The code with its check digit.</returns>
    public static string WithCheckDigit(string digits) =>
        digits + Gs1CheckDigit.Compute(digits).ToString(CultureInfo.InvariantCulture);

    /// <summary>A lot number, e.g. <c>L00042</c>.</summary>
    /// <returns>The lot.</returns>
    public static string Lot() => "L" + Number().ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A recalled medicine: a CIP13 and the lots concerned (one fresh lot when none is given).</summary>
    /// <param name="lots">The lots concerned.</param>
    /// <returns>The product.</returns>
    public static RecalledProduct Product(params string[] lots) =>
        new(CodeScheme.Cip13, Cip13(), "Médicament exemple 5 mg, 30 comprimés", new LotSelector { Lots = [.. (lots.Length == 0 ? [Lot()] : lots).Select(l => new LotEntry(l))] });

    /// <summary>A lot recall of one medicine that the hub accepts.</summary>
    /// <param name="source">The source plugin's id.</param>
    /// <param name="title">The title.</param>
    /// <returns>The notice.</returns>
    public static RecallNotice Notice(string source = "test-source", string? title = null)
    {
        int n = Number();
        return new RecallNotice
        {
            Source = source,
            SourceId = "notice-" + n.ToString("D5", CultureInfo.InvariantCulture),
            Kind = NoticeKind.LotRecall,
            PublishedAt = Now,
            Title = title ?? $"Rappel de lots n° {n}",
            Reason = "Défaut qualité",
            RecallLevels = RecallLevels.Pharmacies | RecallLevels.Wholesalers,
            Actions = ["Mettre les boîtes en quarantaine", "Les retourner au laboratoire"],
            Products = [Product()],
        };
    }

    /// <summary>A notice whose products could not be read: kept, flagged for people to check.</summary>
    /// <param name="source">The source plugin's id.</param>
    /// <returns>The notice.</returns>
    public static RecallNotice LowConfidenceNotice(string source = "test-source") =>
        Notice(source) with { Products = [], IsLowConfidence = true };

    /// <summary>A pack as a block reports it: a serialised box of <paramref name="lot"/>.</summary>
    /// <param name="lot">The lot; a fresh one when null.</param>
    /// <param name="serial">The serial; a fresh one when null.</param>
    /// <returns>The pack.</returns>
    public static BlockedPack Pack(string? lot = null, string? serial = null)
    {
        string cip13 = Cip13();
        return new BlockedPack(Number(), "0" + cip13, cip13, lot ?? Lot(), serial ?? "S" + Number().ToString("D8", CultureInfo.InvariantCulture), new DateOnly(2028, 2, 29), Now, "comptoir-1");
    }

    /// <summary>A hub event of <paramref name="type"/> with a fresh id, about recall <paramref name="recallId"/>.</summary>
    /// <param name="type">The event's type.</param>
    /// <param name="recallId">The recall's id in the hub.</param>
    /// <returns>The event; its <see cref="HubEvent.Sequence"/> is 0 until a <see cref="SinkRun"/> numbers it.</returns>
    public static HubEvent Event(HubEventType type, long recallId = 1) => new()
    {
        Id = "evt-" + Number().ToString("D6", CultureInfo.InvariantCulture),
        Type = type,
        OccurredAt = Now,
        RecallId = recallId,
    };

    /// <summary>A new recall reached the hub.</summary>
    /// <param name="notice">Its notice; a fresh one when null.</param>
    /// <param name="recallId">The recall's id.</param>
    /// <returns>The event.</returns>
    public static HubEvent RecallReceived(RecallNotice? notice = null, long recallId = 1) =>
        Event(HubEventType.RecallReceived, recallId) with { Notice = notice ?? Notice() };

    /// <summary>A pack in stock was blocked by a recall.</summary>
    /// <param name="pack">The pack; a fresh one when null.</param>
    /// <param name="recallId">The recall's id.</param>
    /// <returns>The event.</returns>
    public static HubEvent StockBlocked(BlockedPack? pack = null, long recallId = 1) =>
        Event(HubEventType.StockBlocked, recallId) with
        {
            Pack = pack ?? Pack(),
            Message = "Boîte concernée par un rappel : ne pas délivrer, suivre la procédure du rappel.",
        };

    /// <summary>A person lifted a block.</summary>
    /// <param name="pack">The pack; a fresh one when null.</param>
    /// <param name="recallId">The recall's id.</param>
    /// <returns>The event.</returns>
    public static HubEvent StockUnblocked(BlockedPack? pack = null, long recallId = 1) =>
        Event(HubEventType.StockUnblocked, recallId) with
        {
            Pack = pack ?? Pack(),
            Decision = "Lot vérifié non concerné (Claire, pharmacienne)",
        };

    /// <summary>A recall that reaches patients concerns a pack already dispensed.</summary>
    /// <param name="pack">The pack; a fresh one when null.</param>
    /// <param name="recallId">The recall's id.</param>
    /// <returns>The event.</returns>
    public static HubEvent DispensedPackConcerned(BlockedPack? pack = null, long recallId = 1) =>
        Event(HubEventType.DispensedPackConcerned, recallId) with { Pack = pack ?? Pack() };
}
