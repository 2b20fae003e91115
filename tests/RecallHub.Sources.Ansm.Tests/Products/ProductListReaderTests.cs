using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Products;

namespace RecallHub.Sources.Ansm.Tests.Products;

public sealed class ProductListReaderTests
{
    private static string Lots(ProductDraft product) => string.Join(", ", product.Lots.Select(l => $"{l.Lot} {l.Expiry:yyyy-MM-dd}".TrimEnd()));

    [Fact]
    public void ListItems_UnderALotHeading_AreLots()
    {
        var reading = ProductListReader.Read(
        [
            new TextBlock("Exemple 5 mg, boite de 30 (CIP 3400930270387)."),
            new TextBlock("Lots concernés :"),
            new TextBlock("M405432 – Exp : 02/2027", IsListItem: true),
            new TextBlock("M409124 (péremption 03/2027)", IsListItem: true),
        ]);

        var product = Assert.Single(reading.Products);
        Assert.Equal("M405432 2027-02-28, M409124 2027-03-31", Lots(product));
    }

    [Fact]
    public void TableWithACodeColumn_GivesEachRowItsProduct_AndSpannedRowsKeepIt()
    {
        var reading = ProductListReader.Read(
        [
            new TableBlock(
                ["Spécialité", "Code CIP", "Numéro de lot", "Date de péremption"],
                [
                    ["Exemple 5 mg", "3400930270387", "A1234", "31/01/2027"],
                    ["", "", "A1235", "28/02/2027"],
                    ["Exemple 10 mg", "34009 302 469 4 8", "B777", "30/06/2028"],
                ]),
        ]);

        Assert.Equal(["3400930270387", "3400930246948"], reading.Products.Select(p => p.Code));
        Assert.Equal("Exemple 5 mg", reading.Products[0].Label);
        Assert.Equal("A1234 2027-01-31, A1235 2027-02-28", Lots(reading.Products[0]));
        Assert.Equal("B777 2028-06-30", Lots(reading.Products[1]));
    }

    [Fact]
    public void LotsAnnouncedBeforeTheProducts_GoToTheProductsLeftWithout()
    {
        var reading = ProductListReader.Read(
        [
            new TextBlock("Le rappel concerne le lot 2X25."),
            new TextBlock("Larmes artificielles Martinet, boite de 20 unidoses (CIP 3400936908154)"),
        ]);

        Assert.Equal("2X25", Lots(Assert.Single(reading.Products)));
        Assert.Empty(reading.UnassignedLots);
    }

    [Fact]
    public void References_WithoutDeviceIdentifier_AreProductsForPeopleToMatch()
    {
        var reading = ProductListReader.Read([new TextBlock("Références concernées : REF-1234, REF-5678"), new TextBlock("Lot n° 0031234567")]);

        Assert.Equal(["REF-1234", "REF-5678"], reading.Products.Select(p => p.Code));
        Assert.All(reading.Products, p => Assert.Equal(CodeScheme.Reference, p.Scheme));
        Assert.All(reading.Products, p => Assert.Equal("0031234567", Lots(p)));
    }

    [Fact]
    public void LotsInOneBlock_BelongToTheCodeWrittenBeforeThem()
    {
        var reading = ProductListReader.Read([new TextBlock("Boite de 30 (CIP 3400930270387) : lot A1 ; boite de 90 (CIP 3400930246948) : lot B2")]);

        Assert.Equal("A1", Lots(reading.Products[0]));
        Assert.Equal("B2", Lots(reading.Products[1]));
    }
}
