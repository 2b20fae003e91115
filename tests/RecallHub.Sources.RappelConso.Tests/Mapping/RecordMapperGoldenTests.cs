using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.RappelConso.Tests.Support;

namespace RecallHub.Sources.RappelConso.Tests.Mapping;

/// <summary>
/// The parser on each recorded sample, compared with the reviewed notices in <c>TestData/golden</c>. After a
/// deliberate change, run with <c>RAPPELCONSO_UPDATE_GOLDEN=1</c>, review the diff and commit it.
/// </summary>
public sealed class RecordMapperGoldenTests
{
    public static TheoryData<string> Samples =>
    [
        "v2_records_response_constructed.json",
        "v2_record_real_2021-05-0242.json",
        "v2_gtin_trie_row_constructed.json",
        "v1_rappelconso0_record_constructed.json",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySample_ParsesIntoTheReviewedNotices(string sample)
    {
        var notices = new RappelConsoSource(Some.Clock()).Parse(new SourcePayload(TestData.Read(sample), "application/json"));

        // What `recallhub source parse --json` prints must be what `recallhub ingest` reads.
        Assert.All(notices, n => Assert.Equal(RecallNoticeJson.Serialize(n), RecallNoticeJson.Serialize(RecallNoticeJson.Read(RecallNoticeJson.Serialize(n)))));
        // Unescaped, so that reviewers read the French text of the golden files.
        var actual = new JsonArray([.. notices.Select(n => JsonNode.Parse(RecallNoticeJson.Serialize(n)))])
            .ToJsonString(new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        string golden = TestData.PathOf(Path.Combine("golden", Path.ChangeExtension(sample, ".notices.json")));
        if (Environment.GetEnvironmentVariable("RAPPELCONSO_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(SourceGoldenPath(sample), actual + "\n");
            File.WriteAllText(golden, actual + "\n");
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}: run with RAPPELCONSO_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(golden).TrimEnd(), actual);
    }

    [Fact]
    public void ConstructedResponse_GivesEachRecordItsProductsLotsAndDates()
    {
        var notices = new RappelConsoSource(Some.Clock()).Parse(new SourcePayload(TestData.Read("v2_records_response_constructed.json")));

        Assert.Equal(["2026-03-0417", "2026-03-0422", "sr/01361/26"], notices.Select(n => n.SourceId));
        var cream = notices[0];
        Assert.Equal((NoticeKind.ConsumerRecall, RecallLevels.Pharmacies | RecallLevels.Patients, false), (cream.Kind, cream.RecallLevels, cream.IsLowConfidence));
        Assert.Equal(new LotEntry("L24087", new DateOnly(2027, 8, 31)), Assert.Single(cream.Products[0].Selector.Lots));
        Assert.Equal(("03401560012354", true), (cream.Products[1].Code, cream.Products[1].Selector.AllLots));
        Assert.Equal(new Uri("https://rappel.conso.gouv.fr/fiche-rappel/61234/interne"), cream.Links[0].Url);

        var magnesium = notices[1];
        Assert.Equal(2, magnesium.Version);
        Assert.Equal(["MG2501", "MG2502"], Assert.Single(magnesium.Products).Selector.Lots.Select(l => l.Lot));

        var placeholder = notices[2];
        Assert.True(placeholder.IsLowConfidence);
        Assert.Empty(placeholder.Products);
        Assert.Equal(1, placeholder.Version);
    }

    [Fact]
    public void RealRecord_WithEveryValueAString_ReadsItsTwoGtinsAndItsActions()
    {
        var notice = Assert.Single(new RappelConsoSource(Some.Clock()).Parse(new SourcePayload(TestData.Read("v2_record_real_2021-05-0242.json"))));

        Assert.Equal(("2021-05-0242", 1, false), (notice.SourceId, notice.Version, notice.IsLowConfidence));
        Assert.Equal(["03760289220694", "03760289220748"], notice.Products.Select(p => p.Code));
        Assert.All(notice.Products, p => Assert.Equal(new LotEntry("ken134f"), Assert.Single(p.Selector.Lots)));
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 15, 4, 0, TimeSpan.Zero), notice.PublishedAt);
        Assert.Contains("ne plus consommer", notice.Actions);
        Assert.Equal(2, notice.Links.Count(l => l.Title!.StartsWith("Photo", StringComparison.Ordinal)));
    }

    private static string SourceGoldenPath(string sample, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "TestData", "golden", Path.ChangeExtension(sample, ".notices.json"));
}
