using CsCheck;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Matching;

public sealed class ActiveRecallIndexTests
{
    private static readonly RecalledProduct[] Codes =
    [
        Some.Product(LotSelector.All, Some.Cip13Numbered(1)),
        Some.Product(LotSelector.All, "0" + Some.Cip13Numbered(2), CodeScheme.Gtin),
        Some.Product(LotSelector.All, Some.Cip13Numbered(3)),
        Some.Product(LotSelector.All, "A123BJC5D6E71", CodeScheme.Hibcc),
        Some.Product(LotSelector.All, "110375286414", CodeScheme.Ppn),
        Some.Product(LotSelector.All, "3027038", CodeScheme.Cip7),
    ];

    private static readonly string[] PackKeys =
        ["0" + Some.Cip13Numbered(1), "0" + Some.Cip13Numbered(2), "0" + Some.Cip13Numbered(3), "0" + Some.Cip13Numbered(4), "HIBCC:A123BJC5D6E71", "PPN:110375286414"];

    private static readonly DateOnly[] Dates =
        [new(2027, 2, 1), new(2027, 2, 28), new(2027, 6, 30), new(2028, 2, 29), new(2028, 3, 31), new(2029, 1, 31)];

    [Fact]
    public void A_pack_of_a_recalled_lot_is_concerned_by_its_recall()
    {
        var index = ActiveRecallIndex.Build(Some.Indexed(7, Some.Notice(Some.Product(Some.Lots("A53014", "B00001")))));

        var matches = index.Check(Some.Pack(lot: "a53 014"));

        Assert.Equal([new RecallMatch(7, 0, MatchOutcome.Concerned)], matches);
    }

    [Fact]
    public void A_DataMatrix_scan_meets_the_CIP13_of_the_notice()
    {
        var index = ActiveRecallIndex.Build(Some.Indexed(7, Some.Notice(Some.Product(Some.Lots(new LotEntry("A53014", Some.Date(2028, 2, 1)))))));
        var pack = PackIdentity.From(Some.Scan(Some.DataMatrix()))!.Value;

        Assert.Equal([new RecallMatch(7, 0, MatchOutcome.Concerned)], index.Check(pack));
    }

    [Fact]
    public void Another_lot_or_another_product_is_not_concerned()
    {
        var index = ActiveRecallIndex.Build(Some.Indexed(7, Some.Notice(Some.Product(Some.Lots("A53014")))));

        Assert.Empty(index.Check(Some.Pack(lot: "A53015")));
        Assert.Empty(index.Check(Some.Pack(lot: "A53014", key: "0" + Some.OtherCip13)));
        Assert.Empty(index.Check(default(PackIdentity)));
    }

    [Fact]
    public void A_plain_EAN_13_scan_of_a_recalled_product_cannot_tell()
    {
        var index = ActiveRecallIndex.Build(Some.Indexed(7, Some.Notice(Some.Product(Some.Lots("A53014")))));
        var pack = PackIdentity.From(Some.Scan(Some.Cip13))!.Value;

        Assert.Equal([new RecallMatch(7, 0, MatchOutcome.CannotTell)], index.Check(pack));
    }

    [Fact]
    public void Every_recall_of_the_product_is_reported_in_recall_order()
    {
        var index = ActiveRecallIndex.Build(
        [
            new IndexedProduct(9, 1, Some.Product(Some.Serials("100", "200"))),
            new IndexedProduct(3, 0, Some.Product(Some.Lots("A53014"))),
            new IndexedProduct(9, 0, Some.Product(LotSelector.All)),
            new IndexedProduct(4, 0, Some.Product(Some.Lots("B00001"))),
        ]);

        var matches = index.Check(Some.Pack(lot: "A53014"));

        Assert.Equal(
            [new RecallMatch(3, 0, MatchOutcome.Concerned), new RecallMatch(9, 0, MatchOutcome.Concerned), new RecallMatch(9, 1, MatchOutcome.CannotTell)],
            matches);
    }

    [Fact]
    public void HIBCC_and_PPN_products_are_matched_by_their_device_identifiers()
    {
        var index = ActiveRecallIndex.Build(
        [
            new IndexedProduct(1, 0, Some.Product(Some.Lots("10X3"), "+A123BJC5D6E71", CodeScheme.Hibcc)),
            new IndexedProduct(2, 0, Some.Product(Some.Lots("12345ABCD"), "110375286414", CodeScheme.Ppn)),
        ]);

        var hibcc = PackIdentity.From(Some.Scan("+A123BJC5D6E71/$$52001510X3C"))!.Value;
        var ifa = PackIdentity.From(Some.Scan("[)>\u001e06\u001d9N110375286414\u001d1T12345ABCD\u001e\u0004"))!.Value;

        Assert.Equal([new RecallMatch(1, 0, MatchOutcome.Concerned)], index.Check(hibcc));
        Assert.Equal([new RecallMatch(2, 0, MatchOutcome.Concerned)], index.Check(ifa));
    }

    [Fact]
    public void CIP7_and_reference_products_are_not_indexed_but_counted_as_unmatchable()
    {
        var index = ActiveRecallIndex.Build(
        [
            new IndexedProduct(1, 0, Some.Product(LotSelector.All, "3027038", CodeScheme.Cip7)),
            new IndexedProduct(1, 1, Some.Product(LotSelector.All, "REF-12", CodeScheme.Reference)),
            new IndexedProduct(1, 2, Some.Product(LotSelector.All)),
        ]);

        Assert.Equal(1, index.ProductCount);
        Assert.Equal([1, 1], index.UnmatchableProducts.Select(p => p.RecallId));
        Assert.Equal([0, 1], index.UnmatchableProducts.Select(p => p.ProductIndex));
    }

    [Fact]
    public void The_empty_index_concerns_nothing()
    {
        Assert.Empty(ActiveRecallIndex.Empty.Check(Some.Pack(lot: "A53014")));
        Assert.Equal(0, ActiveRecallIndex.Empty.ProductCount);
        Assert.Empty(ActiveRecallIndex.Empty.UnmatchableProducts);
    }

    [Fact]
    public void With_adds_recalls_and_replaces_the_products_of_a_revised_one()
    {
        var first = ActiveRecallIndex.Build(
        [
            new IndexedProduct(1, 0, Some.Product(Some.Lots("A53014"))),
            new IndexedProduct(2, 0, Some.Product(Some.Lots("B00001"))),
            new IndexedProduct(2, 1, Some.Product(LotSelector.All, "3027038", CodeScheme.Cip7)),
        ]);

        var second = first.With([new IndexedProduct(2, 0, Some.Product(Some.Lots("A53014"))), new IndexedProduct(3, 0, Some.Product(LotSelector.All))]);

        Assert.Equal([new RecallMatch(2, 0, MatchOutcome.Concerned)], first.Check(Some.Pack(lot: "B00001")));
        Assert.Equal([new RecallMatch(3, 0, MatchOutcome.Concerned)], second.Check(Some.Pack(lot: "B00001")));
        Assert.Equal([1, 2, 3], second.Check(Some.Pack(lot: "A53014")).Select(m => m.RecallId));
        Assert.Single(first.UnmatchableProducts);
        Assert.Empty(second.UnmatchableProducts);
    }

    [Fact]
    public void Without_removes_every_product_of_a_recall()
    {
        var index = ActiveRecallIndex.Build(
        [
            new IndexedProduct(1, 0, Some.Product(Some.Lots("A53014"))),
            new IndexedProduct(2, 0, Some.Product(Some.Lots("A53014"))),
            new IndexedProduct(2, 1, Some.Product(LotSelector.All, Some.OtherCip13)),
        ]);

        var without = index.Without(2);

        Assert.Equal([1], without.Check(Some.Pack(lot: "A53014")).Select(m => m.RecallId));
        Assert.Empty(without.Check(Some.Pack(key: "0" + Some.OtherCip13)));
        Assert.False(without.ContainsProduct("0" + Some.OtherCip13));
        Assert.Equal(3, index.ProductCount);
        Assert.Equal(1, without.ProductCount);
    }

    [Fact]
    public void The_span_overload_answers_as_the_pack_overload()
    {
        var index = ActiveRecallIndex.Build(Some.Indexed(7, Some.Notice(Some.Product(new LotSelector { Lots = [new LotEntry("A53014")], Serials = [new SerialRange("100", "200")] }))));
        const string scan = "0340093027038710A53014";

        Assert.Equal([new RecallMatch(7, 0, MatchOutcome.Concerned)], index.Check(scan.AsSpan(0, 14), scan.AsSpan(16)));
        Assert.Equal([new RecallMatch(7, 0, MatchOutcome.Concerned)], index.Check(Some.Gtin14, "B1", " 150 "));
        Assert.Equal([new RecallMatch(7, 0, MatchOutcome.CannotTell)], index.Check(Some.Gtin14, "B1"));
        Assert.True(index.ContainsProduct(scan.AsSpan(0, 14)));
    }

    [Fact]
    public void Check_allocates_nothing_when_no_recall_concerns_the_pack()
    {
        var products = Enumerable.Range(0, 2_000).Select(i => new IndexedProduct(
            i / 5,
            i % 5,
            Some.Product(new LotSelector { Lots = [new LotEntry($"A{i:D5}"), new LotEntry($"B{i:D5}", Some.Date(2028, 2, 1))], Serials = [new SerialRange("100", "200")] }, Some.Cip13Numbered(i))));
        var index = ActiveRecallIndex.Build(products);
        var unknownProduct = Some.Pack(lot: "A00001", key: "0" + Some.Cip13Numbered(9_999));
        var otherLot = Some.Pack(lot: "a 00002", serial: "7GH29KXW41Q", expiry: Some.Date(2028, 2, 29), key: "0" + Some.Cip13Numbered(1));
        Assert.Empty(index.Check(unknownProduct));
        Assert.Empty(index.Check(otherLot));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            index.Check(unknownProduct);
            index.Check(otherLot);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Check_allocates_only_the_result_when_a_recall_concerns_the_pack()
    {
        var index = ActiveRecallIndex.Build(Enumerable.Range(0, 100).Select(i => new IndexedProduct(i, 0, Some.Product(Some.Lots("A53014", $"L{i}"), Some.Cip13Numbered(i)))));
        var pack = Some.Pack(lot: "A53014", serial: "1234", key: "0" + Some.Cip13Numbered(5));
        Assert.Single(index.Check(pack));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var matches = index.Check(pack);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Single(matches);
        Assert.InRange(allocated, 1, 64);
    }

    [Fact]
    public void Check_finds_exactly_what_a_loop_over_every_product_finds()
    {
        var lot = Gen.OneOf("A53014", "a53 014", "053014", "B1", "b 1", "LOT-7", " ");
        var lotEntry = Gen.Select(lot, Optional(Gen.OneOf(Dates)), (l, e) => new LotEntry(l, e));
        var serialRange = Gen.OneOf(
            new SerialRange("100", "200"),
            new SerialRange("0150", "0150"),
            new SerialRange("1", "100"),
            new SerialRange("SN-A0100", "SN-A0199"),
            new SerialRange("12345678901234567890", "12345678901234568000"));
        var dateRange = Gen.OneOf(
            new DateRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            new DateRange(null, new DateOnly(2027, 6, 30)),
            new DateRange(new DateOnly(2028, 1, 1), null));
        var selector = Gen.Select(Gen.Int[0, 9], lotEntry.Array[0, 3], serialRange.Array[0, 2], Optional(dateRange), Optional(dateRange))
            .Select((all, lots, serials, expiry, produced) => new LotSelector
            {
                AllLots = all == 0,
                Lots = lots,
                Serials = serials,
                ExpiryRange = expiry,
                ProductionRange = produced,
            });
        var product = Gen.Select(Gen.OneOf(Codes), selector, (code, s) => code with { Selector = s });
        var pack = Gen.Select(
            Gen.OneOf(PackKeys),
            Optional(lot),
            Optional(Gen.OneOf("150", "0150", "050", "sn-a0150", "SN-B0000", "12345678901234567999", "X")),
            Optional(Gen.OneOf(Dates)),
            Optional(Gen.OneOf(Dates)),
            (key, l, serial, expiry, produced) => new PackIdentity(key, l, serial, expiry, produced));

        Gen.Select(product.Array[0, 40], pack.Array[1, 20]).Sample((products, packs) =>
        {
            var indexed = products.Select((p, i) => new IndexedProduct(i / 3, i % 3, p)).ToArray();
            var index = ActiveRecallIndex.Build(indexed);
            foreach (var p in packs)
            {
                var expected = indexed
                    .Where(x => ProductKey.Of(x.Product) == p.ProductKey)
                    .Select(x => new RecallMatch(x.RecallId, x.ProductIndex, LotSelectorMatcher.Match(x.Product.Selector, p)))
                    .Where(m => m.Outcome != MatchOutcome.NotConcerned)
                    .OrderBy(m => m.RecallId)
                    .ThenBy(m => m.ProductIndex);
                Assert.Equal(expected, index.Check(p));
            }
        }, iter: 2_000);
    }

    private static Gen<T?> Optional<T>(Gen<T> gen)
        where T : class => Gen.Select(Gen.Int[0, 2], gen, (i, v) => i == 0 ? null : v);

    private static Gen<T?> Optional<T>(Gen<T> gen, T? none = null)
        where T : struct => Gen.Select(Gen.Int[0, 2], gen, (i, v) => i == 0 ? none : v);
}
