using AngleSharp.Html.Parser;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.Ansm.Notices;
using RecallHub.Sources.Ansm.Tests.Support;

namespace RecallHub.Sources.Ansm.Tests.Notices;

/// <summary>Golden tests: what the parser reads from each recorded notice page.</summary>
public sealed class NoticePageReaderTests
{
    private static NoticePage Read(string sample) => NoticePageReader.Read(new HtmlParser().ParseDocument(Samples.Read(sample)), null);

    private static RecallNotice ParseOne(string sample)
    {
        var notices = new AnsmSource().Parse(new SourcePayload(Samples.Read(sample), "text/html"));
        var notice = Assert.Single(notices);
        Assert.Empty(RecallNoticeJson.Validate(notice));

        // What `recallhub source parse --json` prints is what the hub reads back.
        Assert.Equal(RecallNoticeJson.Serialize(notice), RecallNoticeJson.Serialize(RecallNoticeJson.Read(RecallNoticeJson.Serialize(notice))));
        return notice;
    }

    private static string Lots(RecalledProduct product) =>
        string.Join(", ", product.Selector.Lots.Select(l => $"{l.Lot} {l.Expiry:yyyy-MM-dd}".TrimEnd()));

    [Fact]
    public void Amlodipine_BothPresentationsWithTheirCipAndTheLotWithItsExpiryMonth()
    {
        var notice = ParseOne(Samples.Amlodipine);

        Assert.Equal("amlodipine-eg-5-mg-et-10-mg-gelule-laboratoires-eg-labo", notice.SourceId);
        Assert.Equal(NoticeKind.LotRecall, notice.Kind);
        Assert.Equal(1, notice.Version);
        Assert.Equal(new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.FromHours(2)), notice.PublishedAt);
        Assert.Equal("Amlodipine EG 5 mg et 10 mg, gélule – Laboratoires EG labo (MED23/A022/B020)", notice.Title);
        Assert.Equal("MED23/A022/B020", notice.AlertNumber);
        Assert.Equal(RecallLevels.Pharmacies | RecallLevels.Hospitals | RecallLevels.Wholesalers | RecallLevels.Patients, notice.RecallLevels);
        Assert.StartsWith("Ce rappel fait suite à la mise en évidence d'une erreur lors du conditionnement", notice.Reason, StringComparison.Ordinal);
        Assert.False(notice.IsLowConfidence);
        Assert.Equal(["3400937944892", "3400937944953"], notice.Products.Select(p => p.Code));
        Assert.All(notice.Products, p => Assert.Equal(CodeScheme.Cip13, p.CodeScheme));
        Assert.Equal(["Amlodipine EG 5 mg, gélule - boite de 30", "Amlodipine EG 10 mg, gélule - boite de 30"], notice.Products.Select(p => p.Label));
        Assert.All(notice.Products, p => Assert.Equal("A53014 2028-02-29", Lots(p)));
        Assert.NotNull(notice.RawPayload);
    }

    [Fact]
    public void Amlodipine_TitleSplitsIntoProductAndLaboratory()
    {
        var page = Read(Samples.Amlodipine);

        Assert.Equal("Amlodipine EG 5 mg et 10 mg, gélule", page.ProductName);
        Assert.Equal("Laboratoires EG labo", page.Laboratory);
        Assert.Equal("RAPPEL DE PRODUIT", page.Category);
        Assert.Equal(HealthProductType.Medicine, page.ProductType);
        Assert.Equal(new AlertNumberExpectation(2023, 22, 20), new AlertNumberExpectation(page.AlertNumber!.Year, page.AlertNumber.Officine, page.AlertNumber.Hospital));
    }

    [Fact]
    public void LotTable_InlineLotsWithExpAndTheTableOfTheSpacedCip()
    {
        var notice = ParseOne(Samples.LotTable);

        Assert.Equal("tavneos-10-mg-gelule-laboratoire-vifor-france", notice.SourceId);
        Assert.Equal(NoticeKind.LotRecall, notice.Kind);
        Assert.Equal("MED26/A019/B018", notice.AlertNumber);
        Assert.Equal(new DateTimeOffset(2026, 8, 19, 0, 0, 0, TimeSpan.FromHours(2)), notice.PublishedAt);
        Assert.Equal(RecallLevels.Pharmacies | RecallLevels.Hospitals | RecallLevels.Wholesalers, notice.RecallLevels);
        Assert.False(notice.IsLowConfidence);
        Assert.Equal(2, notice.Products.Count);
        Assert.Equal("3400930270387", notice.Products[0].Code);
        Assert.Equal("Tavneos 10 mg, gélule - boite de 30 gélules", notice.Products[0].Label);
        Assert.Equal("NAB87201 2027-02-28, NAC76902 2028-07-31", Lots(notice.Products[0]));
        Assert.Equal("3400930246948", notice.Products[1].Code);
        Assert.Equal("Tavneos 10 mg, gélule - boite de 90 gélules", notice.Products[1].Label);
        Assert.Equal("NAB57003 2027-01-31, NAB71702 2027-02-28", Lots(notice.Products[1]));
        Assert.Contains("Les lots concernés ne doivent plus être dispensés.", notice.Actions);
    }

    [Fact]
    public void LotTable_StopWordsNeverBecomeLots()
    {
        var page = Read(Samples.LotTable);

        var lots = page.Products.SelectMany(p => p.Lots).Select(l => l.Lot).Concat(page.UnassignedLots.Select(l => l.Lot)).ToList();
        Assert.DoesNotContain(lots, l => l.StartsWith("mentionn", StringComparison.OrdinalIgnoreCase) || l.StartsWith("concern", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, lots.Count);
        Assert.Empty(page.UnassignedLots);
    }

    [Fact]
    public void DeviceFsn_UdiDisWithTheirReferencesShareTheListedLots()
    {
        var notice = ParseOne(Samples.DeviceFsn);

        Assert.Equal("rapid-refill-continuous-injection-system-boston-scientific", notice.SourceId);
        Assert.Equal(NoticeKind.DeviceFieldSafetyNotice, notice.Kind);
        Assert.Equal("R2619855", notice.AlertNumber);
        Assert.Equal(RecallLevels.Hospitals, notice.RecallLevels);
        Assert.Equal(new DateTimeOffset(2026, 7, 9, 0, 0, 0, TimeSpan.FromHours(2)), notice.PublishedAt);
        Assert.False(notice.IsLowConfidence);
        Assert.Equal(["08714729000013", "08714729000020"], notice.Products.Select(p => p.Code));
        Assert.All(notice.Products, p => Assert.Equal(CodeScheme.UdiDi, p.CodeScheme));
        Assert.Equal(["Réf. M0012345", "Réf. M0012346"], notice.Products.Select(p => p.Label));
        Assert.All(notice.Products, p => Assert.Equal("0031234567, 0031234568", Lots(p)));
        Assert.Contains(notice.Actions, a => a.StartsWith("Action : identifier et mettre en quarantaine", StringComparison.Ordinal));
        Assert.Contains(notice.Links, l => l.Url == new Uri("https://ansm.sante.fr/uploads/2026/07/09/fsn-exemple.pdf"));
    }

    [Fact]
    public void DeviceFsn_HeaderLineGivesCategoryTypeAndDate()
    {
        var page = Read(Samples.DeviceFsn);

        Assert.Equal("RAPPEL DE PRODUIT", page.Category);
        Assert.Equal(HealthProductType.MedicalDevice, page.ProductType);
        Assert.Equal(new DateOnly(2026, 7, 9), page.PublishedOn);
        Assert.Equal("Rapid Refill Continuous Injection System", page.ProductName);
        Assert.Equal("Boston Scientific", page.Laboratory);
    }

    [Fact]
    public void Notice_WithItsUrl_TakesTheSlugAndLinksThePage()
    {
        var url = new Uri("https://ansm.sante.fr/informations-de-securite/tavneos-10-mg-gelule-laboratoire-vifor-france");

        var notice = Assert.Single(new AnsmSource().Parse(new SourcePayload(Samples.Read(Samples.LotTable), "text/html", url)));

        Assert.Equal("tavneos-10-mg-gelule-laboratoire-vifor-france", notice.SourceId);
        Assert.Equal(url, notice.Links[0].Url);
    }

    [Fact]
    public void Notice_WithUpdates_IsARevisionPublishedOnItsLastUpdate()
    {
        string html = Samples.Read(Samples.LotTable).Replace(
            "<p>Les lots concernés",
            "<p><strong>Actualisation du 02/09/2026</strong> : ajout du lot NAD74802.</p><p>Actualisation du 28 août 2026 : précisions.</p><p>Les lots concernés",
            StringComparison.Ordinal);

        var page = NoticePageReader.Read(new HtmlParser().ParseDocument(html), null);
        var notice = page.ToRecallNotice(null);

        Assert.Equal([new DateOnly(2026, 8, 28), new DateOnly(2026, 9, 2)], page.Updates.Select(u => u.Date));
        Assert.Equal(3, notice.Version);
        Assert.Equal(new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.FromHours(2)), notice.PublishedAt);
    }

    [Fact]
    public void Notice_WithoutProductCode_IsKeptLowConfidence()
    {
        const string html = """
            <html><body><main><p>RAPPEL DE PRODUIT - Médicaments - PUBLIÉ LE 10/08/2026</p>
            <h1>Movicol sans arôme, poudre pour solution buvable en sachet – Laboratoire Norgine SAS (MED26/A018/B017)</h1>
            <div class="wysiwyg-content"><p>Niveau de rappel : officines, établissements de santé et circuit de distribution pharmaceutique</p>
            <p>Le laboratoire procède au rappel du lot 478960 mentionné ci-dessous.</p></div></main></body></html>
            """;

        var notice = Assert.Single(new AnsmSource().Parse(new SourcePayload(html)));

        Assert.True(notice.IsLowConfidence);
        Assert.Equal(NoticeKind.LotRecall, notice.Kind);
        Assert.Empty(notice.Products);
        Assert.Equal("MED26/A018/B017", notice.AlertNumber);
        Assert.Empty(RecallNoticeJson.Validate(notice));
    }

    [Fact]
    public void Notice_ProductWhoseLotsCannotBeRead_IsRecalledForEveryLotAndLowConfidence()
    {
        const string html = """
            <html><body><main><p>RAPPEL DE PRODUIT - Médicaments - PUBLIÉ LE 10/08/2026</p><h1>Exemple 5 mg – Laboratoire</h1>
            <div class="wysiwyg-content"><p>Exemple 5 mg, boite de 30 (CIP 3400930270387).</p></div></main></body></html>
            """;

        var notice = Assert.Single(new AnsmSource().Parse(new SourcePayload(html)));

        Assert.True(notice.IsLowConfidence);
        Assert.True(Assert.Single(notice.Products).Selector.AllLots);
    }

    [Fact]
    public void Parse_ThatIsNoAnsmPage_SaysWhatWasExpected()
    {
        var e = Assert.Throws<FormatException>(() => new AnsmSource().Parse(new SourcePayload("<html><body><p>Bonjour</p></body></html>")));

        Assert.Contains("article.article-item", e.Message, StringComparison.Ordinal);
    }

    private sealed record AlertNumberExpectation(int? Year, int? A, int? B);
}
