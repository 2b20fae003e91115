using System.Globalization;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Benchmarks.Load;

/// <summary>
/// <c>make-check-notices FILE</c>: writes the recalls of the load test as notices in the hub's JSON form — 4 000
/// recalls of 5 CIP13 products × 5 lots, 100 000 recalled lots, the same shape as <c>CheckVerdictBenchmarks</c> —
/// for <c>recallhub ingest</c>, so the hub under load holds them exactly as it would real ones. Also writes
/// <c>FILE.codes</c>: DataMatrix texts of packs concerned, of other lots of recalled products and of unknown products.
/// </summary>
internal static class MadeUpRecalls
{
    public const string Command = "make-check-notices";

    private const int Recalls = 4_000;
    private const int ProductsPerRecall = 5;
    private const int LotsPerProduct = 5;

    public static async Task<int> WriteAsync(string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync($"usage: {Command} FILE").ConfigureAwait(false);
            return 2;
        }

        var published = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        await using (var file = File.CreateText(args[0]))
        {
            await file.WriteAsync('[').ConfigureAwait(false);
            for (int r = 0; r < Recalls; r++)
            {
                var notice = new RecallNotice
                {
                    Source = "load",
                    SourceId = $"load-{r}",
                    Title = $"Rappel de lots n° {r}",
                    AlertNumber = $"MED26/A{r % 1000:D3}/B{r / 1000:D3}",
                    PublishedAt = published,
                    Actions = ["Mettre en quarantaine", "Retourner au laboratoire"],
                    Products = [.. Enumerable.Range(r * ProductsPerRecall, ProductsPerRecall).Select(p => new RecalledProduct(
                        CodeScheme.Cip13, Cip13(p), null, new LotSelector { Lots = [.. Enumerable.Range(0, LotsPerProduct).Select(l => new LotEntry(Lot(p, l)))] }))],
                };
                await file.WriteAsync((r == 0 ? "" : ",\n") + RecallNoticeJson.Serialize(notice)).ConfigureAwait(false);
            }

            await file.WriteAsync(']').ConfigureAwait(false);
        }

        // Concerned, other lot, unknown product: the counter's mix is mostly allowed packs.
        const int products = Recalls * ProductsPerRecall;
        string[] codes =
        [
            DataMatrix(Cip13(12_345), Lot(12_345, 2)),
            DataMatrix(Cip13(777), "Z99999"),
            DataMatrix(Cip13(products + 11), "A12345"),
            DataMatrix(Cip13(3_000), "Z88888"),
        ];
        await File.WriteAllLinesAsync(args[0] + ".codes", codes).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"{args[0]}: {Recalls} recalls, {Recalls * ProductsPerRecall * LotsPerProduct} recalled lots; {codes.Length} test codes in {args[0]}.codes").ConfigureAwait(false);
        return 0;
    }

    private static string Lot(int product, int lot)
    {
        int n = (product * LotsPerProduct) + lot;
        return (char)('A' + (n % 26)) + (n % 100_000).ToString("D5", CultureInfo.InvariantCulture);
    }

    private static string Cip13(int n)
    {
        string body = "34009" + (1_000_000 + (n * 37)).ToString("D7", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);
    }

    // GS written as \u001d inside the JSON body the load tool sends.
    private static string DataMatrix(string cip13, string lot) => $"]d2010{cip13}17280229" + $"10{lot}\\u001d217GH29KXW41Q";
}
