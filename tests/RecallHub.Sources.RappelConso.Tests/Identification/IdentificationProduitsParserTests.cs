using System.Globalization;
using System.Text.Json;
using RecallHub.Sources.RappelConso.Identification;
using RecallHub.Sources.RappelConso.Tests.Support;

namespace RecallHub.Sources.RappelConso.Tests.Identification;

public sealed class IdentificationProduitsParserTests
{
    private static JsonElement Case(string name)
    {
        using var document = JsonDocument.Parse(TestData.Read("identification_produits_cases.json"));
        return document.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).Clone();
    }

    public static TheoryData<string> StructuredCases => ["real_v2_two_gtins_same_lot_no_date", "single_ddm_date", "all_lots", "array_of_entries", "empty", "null"];

    [Theory]
    [MemberData(nameof(StructuredCases))]
    public void EveryStructuredCase_ReadsAsTheCaseFileExpects(string name)
    {
        var testCase = Case(name);

        var reading = IdentificationProduitsParser.Parse(testCase.GetProperty("input"));

        var expected = testCase.GetProperty("expected").EnumerateArray().Select(e => new ProductIdentification(
            e.GetProperty("gtin").GetString()!.TrimStart('0').PadLeft(13, '0'),
            e.GetProperty("gtin").GetString(),
            e.GetProperty("lot").GetString(),
            e.TryGetProperty("all_lots", out var all) && all.GetBoolean(),
            e.GetProperty("date_type").GetString(),
            Day(e.GetProperty("date_from")),
            Day(e.GetProperty("date_to")))).ToList();
        Assert.Equal(expected, reading.Entries);
        Assert.Empty(reading.Problems);
        Assert.False(reading.IsFreeText);
    }

    [Fact]
    public void DlcRangeCase_ReadsItsLotAndDatesButItsConstructedGtinHasAWrongCheckDigit()
    {
        // The case file expects 03250391234567, but 325039123456's GS1 check digit is 1, not 7: the code is kept
        // as written and reported, never turned into a GTIN.
        var reading = IdentificationProduitsParser.Parse(Case("dlc_range").GetProperty("input"));

        Assert.Equal(
            new ProductIdentification("3250391234567", null, "240512A", false, "date limite de consommation", new DateOnly(2024, 5, 20), new DateOnly(2024, 5, 27)),
            Assert.Single(reading.Entries));
        Assert.Contains("check digit is wrong", Assert.Single(reading.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceholderTokensFromTheGoTest_GiveNoGtinButKeepTheTokensAndTheDate()
    {
        var reading = IdentificationProduitsParser.Parse(Case("array_of_tokens_placeholder_from_go_test").GetProperty("input"));

        Assert.Empty(reading.Entries);
        Assert.Equal(["gtin", "lot"], reading.UnrecognisedTokens);
        Assert.Equal([new DateOnly(2026, 5, 8)], reading.UnqualifiedDates);
        Assert.True(reading.IsFreeText);
    }

    [Fact]
    public void V1FreeText_FindsTheGtinTwiceWithItsLotsAndDatesByHeuristics()
    {
        var reading = IdentificationProduitsParser.Parse(Case("v1_free_text").GetProperty("input"));

        Assert.True(reading.IsFreeText);
        Assert.Equal(
            [
                new ProductIdentification("5608771030810", "05608771030810", "107", false, "date de consommation recommandée", new DateOnly(2024, 2, 1), null),
                new ProductIdentification("5608771030810", "05608771030810", "048", false, "date de consommation recommandée", new DateOnly(2023, 11, 1), null),
            ],
            reading.Entries);
    }

    [Fact]
    public void V1FreeTextWithTousLesLots_GivesEveryLotOfEachGtin()
    {
        var reading = IdentificationProduitsParser.Parse("5713795220915 Tous les lots  5713795220922 Tous les lots");

        Assert.Equal(["05713795220915", "05713795220922"], reading.Entries.Select(e => e.Gtin));
        Assert.All(reading.Entries, e => Assert.True(e.AllLots));
    }

    [Fact]
    public void WrongCheckDigit_KeepsTheCodeAsWrittenWithoutGtinAndSaysWhy()
    {
        var reading = IdentificationProduitsParser.Parse("3401560012348$L1$non concerné$$");

        var entry = Assert.Single(reading.Entries);
        Assert.Equal("3401560012348", entry.Code);
        Assert.Null(entry.Gtin);
        Assert.Equal("L1", entry.Lot);
        Assert.Contains("'3401560012348' is not a valid GTIN: its check digit is wrong", Assert.Single(reading.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableDateAndExtraFields_AreReportedAndTheRestIsRead()
    {
        var reading = IdentificationProduitsParser.Parse("3760000000017$MG1$date limite de consommation$31 février$$surplus");

        var entry = Assert.Single(reading.Entries);
        Assert.Equal(("03760000000017", "MG1", (DateOnly?)null), (entry.Gtin, entry.Lot, entry.DateFrom));
        Assert.Equal(2, reading.Problems.Count);
    }

    [Fact]
    public void DatesInReverseOrder_AreSwappedAndReported()
    {
        var entry = Assert.Single(IdentificationProduitsParser.Parse("3760000000017$$date limite de consommation$2024-05-27$2024-05-20").Entries);

        Assert.Equal((new DateOnly(2024, 5, 20), new DateOnly(2024, 5, 27)), (entry.DateFrom!.Value, entry.DateTo!.Value));
    }

    [Fact]
    public void IntegerGtinFromTheTrieDataset_IsReadAsAGtinWithoutLot()
    {
        using var document = JsonDocument.Parse("3760289220694");

        var entry = Assert.Single(IdentificationProduitsParser.Parse(document.RootElement).Entries);

        Assert.Equal(("03760289220694", (string?)null, false), (entry.Gtin, entry.Lot, entry.AllLots));
    }

    private static DateOnly? Day(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
