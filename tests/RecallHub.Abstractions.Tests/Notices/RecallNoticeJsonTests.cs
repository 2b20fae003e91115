using System.Text.Json;
using CsCheck;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Abstractions.Tests.Notices;

public sealed class RecallNoticeJsonTests
{
    private const string AmlodipineRecall = """
        {
          "source": "ansm",
          "source_id": "amlodipine-biogaran-5-mg-2023-10-27",
          "version": 2,
          "kind": "lot_recall",
          "published_at": "2023-10-27T10:00:00+02:00",
          "title": "Amlodipine Biogaran 5 mg, gélule – Biogaran (MED23/A045/B032)",
          "reason": "Défaut qualité",
          "risk": null,
          "recall_levels": ["pharmacies", "hospitals", "wholesalers"],
          "alert_number": "MED23/A045/B032",
          "actions": ["Mettre en quarantaine les lots concernés", "Retourner au laboratoire"],
          "links": [{ "url": "https://ansm.sante.fr/informations-de-securite/amlodipine", "title": "Notice ANSM" }],
          "products": [
            {
              "code_scheme": "cip13",
              "code": "3400930270387",
              "label": "Amlodipine Biogaran 5 mg, 30 gélules",
              "selector": {
                "all_lots": false,
                "lots": [{ "lot": "A53014", "expiry": "2028-02-29" }, { "lot": "X22", "expiry": null }],
                "serials": [],
                "expiry_range": null,
                "production_range": null
              }
            }
          ],
          "low_confidence": false,
          "raw_payload": "<html>…</html>"
        }
        """;

    [Fact]
    public void Serialize_WritesOnlyTheDocumentedMembersOfASelector()
    {
        // Regression: the computed LotSelector.IsEmpty leaked into the JSON form as "is_empty".
        var selector = System.Text.Json.Nodes.JsonNode.Parse(RecallNoticeJson.Serialize(RecallNoticeJson.Read(AmlodipineRecall)))!["products"]![0]!["selector"]!.AsObject();

        Assert.Equal(["all_lots", "expiry_range", "lots", "production_range", "serials"], selector.Select(m => m.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_ReadsEveryFieldOfTheDocumentedForm()
    {
        var notice = RecallNoticeJson.Read(AmlodipineRecall);

        Assert.Equal("ansm", notice.Source);
        Assert.Equal(2, notice.Version);
        Assert.Equal(NoticeKind.LotRecall, notice.Kind);
        Assert.Equal(new DateTimeOffset(2023, 10, 27, 10, 0, 0, TimeSpan.FromHours(2)), notice.PublishedAt);
        Assert.Equal(RecallLevels.Pharmacies | RecallLevels.Hospitals | RecallLevels.Wholesalers, notice.RecallLevels);
        Assert.Equal("MED23/A045/B032", notice.AlertNumber);
        Assert.Equal(2, notice.Actions.Count);
        Assert.Equal("https://ansm.sante.fr/informations-de-securite/amlodipine", notice.Links.Single().Url.ToString());
        var product = Assert.Single(notice.Products);
        Assert.Equal(CodeScheme.Cip13, product.CodeScheme);
        Assert.Equal(new LotEntry("A53014", new DateOnly(2028, 2, 29)), product.Selector.Lots[0]);
        Assert.Null(product.Selector.Lots[1].Expiry);
        Assert.Equal("<html>…</html>", notice.RawPayload);
    }

    [Fact]
    public void Serialize_WritesSnakeCaseNamesAndStringEnums()
    {
        var json = JsonDocument.Parse(RecallNoticeJson.Serialize(RecallNoticeJson.Read(AmlodipineRecall))).RootElement;

        Assert.Equal("lot_recall", json.GetProperty("kind").GetString());
        Assert.Equal(["pharmacies", "hospitals", "wholesalers"], json.GetProperty("recall_levels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("cip13", json.GetProperty("products")[0].GetProperty("code_scheme").GetString());
        Assert.False(json.GetProperty("products")[0].GetProperty("selector").GetProperty("all_lots").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("risk").ValueKind);
    }

    [Theory]
    [InlineData("\"kind\": \"lot_recall\"", "\"kind\": \"recall\"", "$.kind")]
    [InlineData("\"version\": 2", "\"version\": \"two\"", "$.version")]
    [InlineData("\"reason\": \"Défaut qualité\"", "\"reason\": \"Défaut qualité\", \"severity\": 3", "$.severity")]
    [InlineData("\"source\": \"ansm\",", "", "$")]
    [InlineData("\"recall_levels\": [\"pharmacies\", \"hospitals\", \"wholesalers\"]", "\"recall_levels\": [\"pharmacy\"]", "$.recall_levels")]
    [InlineData("\"expiry\": \"2028-02-29\"", "\"expiry\": \"29/02/2028\"", "$.products[0].selector.lots[0].expiry")]
    [InlineData("\"title\": \"Amlodipine", "\"title\": null, \"x\": \"", "$.title")]
    public void Read_SaysWhereMalformedJsonIsWrong(string find, string replace, string path)
    {
        string json = AmlodipineRecall.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(AmlodipineRecall, json);

        var error = Assert.Throws<RecallNoticeFormatException>(() => RecallNoticeJson.Read(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.DoesNotContain("RecallHub.Abstractions", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"code\": \"3400930270387\"", "\"code\": \"3400930270386\"", "$.products[0].code", "not a CIP13")]
    [InlineData("\"source\": \"ansm\"", "\"source\": \"ANSM France\"", "$.source", "not a source id")]
    [InlineData("\"version\": 2", "\"version\": 0", "$.version", "1 or more")]
    [InlineData("\"all_lots\": false,\n        \"lots\": [{ \"lot\": \"A53014\", \"expiry\": \"2028-02-29\" }, { \"lot\": \"X22\", \"expiry\": null }]", "\"all_lots\": false,\n        \"lots\": []", "$.products[0].selector", "which units")]
    [InlineData("\"expiry_range\": null", "\"expiry_range\": { \"from\": \"2028-01-01\", \"to\": \"2027-01-01\" }", "$.products[0].selector.expiry_range", "starts after it ends")]
    [InlineData("\"https://ansm.sante.fr/informations-de-securite/amlodipine\"", "\"/relative\"", "$.links[0].url", "absolute")]
    public void Read_RefusesANoticeThatBreaksTheContract(string find, string replace, string path, string says)
    {
        string json = AmlodipineRecall.Replace(find, replace.Replace("\n", "\n  ", StringComparison.Ordinal), StringComparison.Ordinal);
        if (json == AmlodipineRecall)
        {
            json = AmlodipineRecall.Replace(find.Replace("\n", "\r\n", StringComparison.Ordinal), replace, StringComparison.Ordinal);
        }

        var error = Assert.Throws<RecallNoticeFormatException>(() => RecallNoticeJson.Read(json));

        var problem = Assert.Single(error.Problems, p => p.Path == path);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesAnUnknownOrMissingMemberInTheContractsWords()
    {
        var unknown = Assert.Throws<RecallNoticeFormatException>(() => RecallNoticeJson.Read(AmlodipineRecall.Replace("\"risk\"", "\"risks\"", StringComparison.Ordinal)));
        Assert.StartsWith("The JSON property 'risks' is not a member of 'RecallNotice'.", unknown.Problems.Single().Message, StringComparison.Ordinal);

        var missing = Assert.Throws<RecallNoticeFormatException>(() => RecallNoticeJson.Read("{ \"source\": \"ansm\", \"source_id\": \"x\" }"));
        Assert.Equal("$", missing.Problems.Single().Path);
        Assert.Contains("lacks the required member 'title'", missing.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GivesOmittedListsAsEmpty()
    {
        // Regression: omitted lists came back null and validation threw NullReferenceException.
        var notice = RecallNoticeJson.Read("""
            { "source": "dp-rappels", "source_id": "1", "title": "Rappel", "kind": "lot_recall", "published_at": "2026-11-20T08:00:00+01:00",
              "products": [{ "code_scheme": "cip13", "code": "3400930270387", "label": null, "selector": { "all_lots": true } }] }
            """);

        Assert.Equal(1, notice.Version);
        Assert.Empty(notice.Actions);
        Assert.Empty(notice.Links);
        Assert.Empty(notice.Products.Single().Selector.Lots);
        Assert.Empty(notice.Products.Single().Selector.Serials);
        Assert.Empty(RecallNoticeJson.Read("""{ "source": "x", "source_id": "1", "title": "Info", "kind": "information", "published_at": "2026-11-20T08:00:00Z" }""").Products);
        Assert.Equal(
            "$.published_at",
            Assert.Throws<RecallNoticeFormatException>(() => RecallNoticeJson.Read("""{ "source": "x", "source_id": "1", "title": "Info", "kind": "information" }""")).Problems.Single().Path);
    }

    [Fact]
    public void Validate_KeepsALowConfidenceNoticeWithoutProducts()
    {
        var notice = new RecallNotice { Source = "ansm", SourceId = "x", Title = "Rappel", IsLowConfidence = true, PublishedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero) };
        Assert.Empty(RecallNoticeJson.Validate(notice));
        Assert.Single(RecallNoticeJson.Validate(notice with { IsLowConfidence = false }), p => p.Path == "$.products");
    }

    [Fact]
    public void AnyNotice_SurvivesARoundTripThroughJson()
    {
        var lot = Gen.Select(Gen.String[Gen.Char["ABCXYZ0123456789-"], 1, 12], Gen.Bool, Gen.Int[0, 2000])
            .Select((l, hasExpiry, days) => new LotEntry(l, hasExpiry ? new DateOnly(2025, 1, 1).AddDays(days) : null));
        var product = Gen.Select(lot.Array[0, 4], Gen.Bool, Gen.String[Gen.Char["0123456789"], 12, 12])
            .Select((lots, all, body) => new RecalledProduct(
                CodeScheme.Gtin,
                body + RecallHub.Abstractions.Identifiers.Gs1.Gs1CheckDigit.Compute(body).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Produit",
                new LotSelector { AllLots = all || lots.Length == 0, Lots = lots }));
        var notice = Gen.Select(product.Array[1, 3], Gen.Int[1, 9], Gen.Int[0, 15], Gen.Enum<NoticeKind>())
            .Select((products, version, levels, kind) => new RecallNotice
            {
                Source = "rappelconso",
                SourceId = "123",
                Version = version,
                Kind = kind,
                Title = "Rappel « test » <b>",
                RecallLevels = (RecallLevels)levels,
                Products = products,
                PublishedAt = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(1)),
            });

        notice.Sample(n =>
        {
            var back = RecallNoticeJson.Read(RecallNoticeJson.Serialize(n));
            Assert.Equal(RecallNoticeJson.Serialize(n), RecallNoticeJson.Serialize(back));
            Assert.Equal(n.RecallLevels, back.RecallLevels);
            Assert.Equal(n.Products.SelectMany(p => p.Selector.Lots), back.Products.SelectMany(p => p.Selector.Lots));
        }, iter: 500);
    }
}
