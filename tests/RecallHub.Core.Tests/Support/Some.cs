using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;

namespace RecallHub.Core.Tests.Support;

/// <summary>Notices, products, scans and packs for tests: valid unless a test says otherwise.</summary>
internal static class Some
{
    /// <summary>A real CIP13 (ANSM notice) and the GTIN-14 its DataMatrix carries.</summary>
    public const string Cip13 = "3400930270387";

    /// <summary>The GTIN-14 of <see cref="Cip13"/>: what a DataMatrix carries in AI 01.</summary>
    public const string Gtin14 = "0" + Cip13;

    /// <summary>Another real CIP13.</summary>
    public const string OtherCip13 = "3400937944892";

    /// <summary>The day the tests live in, so the GS1 century rule gives the same answers every year.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(1));

    public static FakeTimeProvider Clock() => new(Today);

    /// <summary>A valid CIP13 numbered <paramref name="n"/> (0 to 9 999 999): <c>34009</c> + 7 digits + check digit.</summary>
    public static string Cip13Numbered(int n)
    {
        string body = "34009" + n.ToString("D7", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A scan read as the counter reads it.</summary>
    public static BarcodeReading Scan(string code) =>
        BarcodeReader.Read(code, new BarcodeReaderOptions { TimeProvider = Clock() });

    /// <summary>A medicine pack's DataMatrix as a scanner sends it: ]d2 + 01 + 17 + 10 GS + 21.</summary>
    public static string DataMatrix(string cip13 = Cip13, string expiry = "280229", string lot = "A53014", string serial = "7GH29KXW41Q") =>
        $"]d201{"0" + cip13}17{expiry}10{lot}\u001d21{serial}";

    /// <summary>A pack of <see cref="Cip13"/> (or <paramref name="key"/>).</summary>
    public static PackIdentity Pack(
        string? lot = null,
        string? serial = null,
        DateOnly? expiry = null,
        DateOnly? produced = null,
        string key = Gtin14) => new(key, lot, serial, expiry, produced);

    /// <summary>A product of the notice, by CIP13 unless told otherwise.</summary>
    public static RecalledProduct Product(LotSelector selector, string code = Cip13, CodeScheme scheme = CodeScheme.Cip13) =>
        new(scheme, code, "DOLIPRANE 1000 mg, comprimé", selector);

    public static LotSelector Lots(params string[] lots) => new() { Lots = [.. lots.Select(l => new LotEntry(l))] };

    public static LotSelector Lots(params LotEntry[] lots) => new() { Lots = lots };

    public static LotSelector Serials(params SerialRange[] ranges) => new() { Serials = ranges };

    public static LotSelector Serials(string first, string last) => Serials(new SerialRange(first, last));

    public static LotSelector ExpiringBetween(DateOnly? from, DateOnly? to) => new() { ExpiryRange = new DateRange(from, to) };

    public static LotSelector ProducedBetween(DateOnly? from, DateOnly? to) => new() { ProductionRange = new DateRange(from, to) };

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    /// <summary>A lot recall notice of the ANSM.</summary>
    public static RecallNotice Notice(params RecalledProduct[] products) => new()
    {
        Source = "ansm",
        SourceId = "doliprane-1000-mg-rappel",
        Title = "Doliprane 1000 mg, comprimé – Opella Healthcare (MED26/A019/B018)",
        Kind = NoticeKind.LotRecall,
        PublishedAt = Today,
        RecallLevels = RecallLevels.Pharmacies | RecallLevels.Hospitals,
        Products = products,
    };

    /// <summary>Every product of <paramref name="notice"/> as recall <paramref name="recallId"/>.</summary>
    public static IEnumerable<IndexedProduct> Indexed(long recallId, RecallNotice notice) =>
        notice.Products.Select((p, i) => new IndexedProduct(recallId, i, p));
}
