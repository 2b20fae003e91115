using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.AclSante.Tests.Support;

namespace RecallHub.Sources.AclSante.Tests.Mapping;

/// <summary>
/// The parser on each recorded notice, compared with the reviewed notices in <c>TestData/golden</c>. After a
/// deliberate change, run with <c>ACL_SANTE_UPDATE_GOLDEN=1</c>, review the diff and commit it.
/// </summary>
public sealed class NoticeMapperGoldenTests
{
    public static TheoryData<string> Samples =>
    [
        "notices_page_constructed.json",
        "notice_follow_up_constructed.json",
        "notices_broken_constructed.json",
    ];

    private static IReadOnlyList<RecallNotice> Parse(string sample) =>
        new AclSanteSource(Some.Clock()).Parse(new SourcePayload(TestData.Read(sample), "application/json"));

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySample_ParsesIntoTheReviewedNotices(string sample)
    {
        var notices = Parse(sample);

        // What `recallhub source parse --json` prints must be what `recallhub ingest` reads.
        Assert.All(notices, n => Assert.Equal(RecallNoticeJson.Serialize(n), RecallNoticeJson.Serialize(RecallNoticeJson.Read(RecallNoticeJson.Serialize(n)))));
        // Without the raw payloads (the samples themselves), unescaped, so that reviewers read the mapping's French text.
        var actual = new JsonArray([.. notices.Select(n => JsonNode.Parse(RecallNoticeJson.Serialize(n with { RawPayload = null })))])
            .ToJsonString(new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        string name = Path.Combine("golden", Path.ChangeExtension(sample, ".notices.json"));
        if (Environment.GetEnvironmentVariable("ACL_SANTE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(), "TestData", name), actual + "\n");
            File.WriteAllText(TestData.PathOf(name), actual + "\n");
        }

        Assert.True(File.Exists(TestData.PathOf(name)), $"No golden file {name}: run with ACL_SANTE_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(TestData.PathOf(name)).TrimEnd(), actual);
    }

    [Fact]
    public void EveryNotice_KeepsItsRecordRaw()
    {
        var records = TestData.Records("notices_page_constructed.json");

        var notices = Parse("notices_page_constructed.json");

        Assert.Equal(records, notices.Select(n => n.RawPayload));
    }

    [Fact]
    public void CatheterNotice_IsADeviceFsnWithItsUdiDiLotsActionsReplyAndAlertNumber()
    {
        var notice = Parse("notices_page_constructed.json")[0];

        Assert.Equal((NoticeKind.DeviceFieldSafetyNotice, "R2619855", false), (notice.Kind, notice.AlertNumber, notice.IsLowConfidence));
        Assert.Equal(RecallLevels.Pharmacies | RecallLevels.Hospitals, notice.RecallLevels);
        var product = Assert.Single(notice.Products);
        Assert.Equal((CodeScheme.UdiDi, "08714729000013", "Cathéter Exemple XYZ (réf. M0012345)"), (product.CodeScheme, product.Code, product.Label));
        Assert.Equal([new LotEntry("0031234567"), new LotEntry("0031234568", new DateOnly(2028, 3, 31))], product.Selector.Lots);
        Assert.Equal(
            [
                "Identifier les dispositifs concernés dans le stock",
                "Mettre les dispositifs concernés en quarantaine",
                "Retourner les dispositifs concernés au fabricant (avant le 31/07/2026)",
                "Renvoyer le formulaire de réponse au fabricant avant le 31/07/2026",
            ],
            notice.Actions);
        Assert.Equal(["Avis de sécurité FSCA-2026-0042 (PDF)", "Formulaire de réponse"], notice.Links.Select(l => l.Title));
    }

    [Fact]
    public void PumpAndMonitorNotice_GivesSerialRangesExpandedLotsAndAnExpiryRange()
    {
        var notice = Parse("notices_page_constructed.json")[1];

        Assert.Equal(RecallLevels.Pharmacies | RecallLevels.Wholesalers | RecallLevels.Patients, notice.RecallLevels);
        var pump = notice.Products[0];
        Assert.Equal(
            [new SerialRange("SN10000", "SN10499"), new SerialRange("SN20000", "SN20099"), new SerialRange("SN30000", "SN30010")],
            pump.Selector.Serials);
        // The ACL13 and the same number as a GTIN-14 are one product.
        var monitor = Assert.Single(notice.Products.Skip(1));
        Assert.Equal((CodeScheme.Acl13, "3401560012347"), (monitor.CodeScheme, monitor.Code));
        Assert.Equal(["L2401", "L2402", "L2403", "L2404", "L2405"], monitor.Selector.Lots.Select(l => l.Lot));
        Assert.Equal(new DateRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)), monitor.Selector.ExpiryRange);
        Assert.Equal("Tensiomètre Exemple T1 (réf. T1-STD, T1-XL)", monitor.Label);
        Assert.Contains("Actions à mener avant le 15/08/2026", notice.Actions);
    }

    [Fact]
    public void DeviceWithABadUdiDiAndNoUnits_IsKeptForPeopleToCheck()
    {
        var notice = Parse("notices_broken_constructed.json").Single(n => n.SourceId == "FSCA-2026-0061");

        Assert.True(notice.IsLowConfidence);
        // Without a code scans can carry, the wrong UDI-DI and the catalogue number are shown to people, for every unit.
        Assert.Equal([(CodeScheme.Reference, "08714729000014"), (CodeScheme.Reference, "S5-10")], notice.Products.Select(p => (p.CodeScheme, p.Code)));
        Assert.Contains("à vérifier", notice.Products[0].Label, StringComparison.Ordinal);
        Assert.All(notice.Products, p => Assert.True(p.Selector.AllLots));
    }

    [Fact]
    public void FollowUpWithoutVersion_IsNumberedByItsIssueDateAboveTheOriginal()
    {
        string record = TestData.Read("notice_follow_up_constructed.json").Replace("\"version\": 2,", "", StringComparison.Ordinal);

        var notice = Assert.Single(new AclSanteSource(Some.Clock()).Parse(new SourcePayload(record)));

        Assert.Equal(("FSCA-2026-0042", 20260720), (notice.SourceId, notice.Version));
    }

    [Fact]
    public void FollowUpCarryingItsOwnReference_IsARevisionOfTheOriginalReference()
    {
        string record = """
            {"reference": "FSCA-2026-0042-FU1", "original_reference": "FSCA-2026-0042", "fsn_type": "suivi", "version": 2,
             "issue_date": "2026-07-20", "devices": [{"udi_di": "08714729000013", "all_units": true}]}
            """;

        var notice = Assert.Single(new AclSanteSource(Some.Clock()).Parse(new SourcePayload(record)));

        Assert.Equal(("FSCA-2026-0042", 2, true), (notice.SourceId, notice.Version, notice.Products[0].Selector.AllLots));
        Assert.Equal("Avis de sécurité FSCA-2026-0042", notice.Title);
    }

    [Fact]
    public void PayloadThatIsNotJson_IsAFormatError()
    {
        var error = Assert.Throws<FormatException>(() => new AclSanteSource(Some.Clock()).Parse(new SourcePayload("<html>maintenance</html>")));

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
