using AngleSharp.Html.Parser;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.Ansm.Listing;
using RecallHub.Sources.Ansm.Tests.Support;

namespace RecallHub.Sources.Ansm.Tests.Listing;

public sealed class ListingPageReaderTests
{
    private static readonly Uri Base = new("https://ansm.sante.fr/informations-de-securite/");

    [Fact]
    public void Cards_AreReadNewestFirstWithTheirSpans()
    {
        var document = new HtmlParser().ParseDocument(Samples.Read(Samples.Listing));

        var cards = ListingPageReader.ReadCards(document, Base);

        Assert.Equal(4, cards.Count);
        Assert.Equal(new Uri("https://ansm.sante.fr" + Samples.TavneosPath), cards[0].Url);
        Assert.Equal(new DateOnly(2026, 8, 19), cards[0].Date);
        Assert.Equal("RAPPEL DE PRODUIT", cards[0].Category);
        Assert.Equal("Médicaments", cards[0].HealthProduct);
        Assert.Equal("Tavneos 10 mg, gélule – Laboratoire Vifor France (MED26/A019/B018)", cards[0].Title);
        Assert.Equal("Dispositifs médicaux de diagnostic in vitro", cards[3].HealthProduct);
        Assert.True(ListingPageReader.LinksToPage(document, 2));
        Assert.False(ListingPageReader.LinksToPage(document, 3));
    }

    [Fact]
    public void Parse_OfASavedListing_GivesOneLowConfidenceNoticePerCard()
    {
        var notices = new AnsmSource().Parse(new SourcePayload(Samples.Read(Samples.Listing), "text/html"));

        Assert.Equal(4, notices.Count);
        Assert.All(notices, n => Assert.True(n.IsLowConfidence));
        Assert.All(notices, n => Assert.Empty(RecallNoticeJson.Validate(n)));
        Assert.Equal(
            [NoticeKind.LotRecall, NoticeKind.LotRecall, NoticeKind.DeviceFieldSafetyNotice, NoticeKind.Information],
            notices.Select(n => n.Kind));
        Assert.Equal(["MED26/A019/B018", null, "R2619901", null], notices.Select(n => n.AlertNumber));
        Assert.Equal(
            [
                RecallLevels.Pharmacies | RecallLevels.Hospitals | RecallLevels.Wholesalers,
                RecallLevels.Hospitals | RecallLevels.Patients,
                RecallLevels.Hospitals,
                RecallLevels.None,
            ],
            notices.Select(n => n.RecallLevels));
        Assert.Equal("temozolomide-accord-250-mg-gelule-laboratoire-accord-healtcare-france-sas", notices[1].SourceId);
    }
}
