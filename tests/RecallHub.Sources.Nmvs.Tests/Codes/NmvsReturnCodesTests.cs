using System.Text.Json;
using RecallHub.Sources.Nmvs.Client;
using RecallHub.Sources.Nmvs.Codes;

namespace RecallHub.Sources.Nmvs.Tests.Codes;

public sealed class NmvsReturnCodesTests
{
    private static readonly JsonElement Sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "nmvs", "return_codes.json"))).RootElement;

    public static TheoryData<string> SampleCodes() =>
        [.. Sample.GetProperty("success").EnumerateArray().Select(c => c.GetString()!)
            .Concat(Sample.GetProperty("pharmacy_relevant").EnumerateObject().Select(p => p.Name))];

    public static TheoryData<string> SampleStates() => [.. Sample.GetProperty("pack_states").EnumerateArray().Select(s => s.GetString()!)];

    public static TheoryData<string> TableCodes() => [.. NmvsReturnCodes.Codes.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SampleCodes))]
    public void EveryKnownReturnCode_HasAFrenchSentenceAndAnAction(string code)
    {
        Assert.True(NmvsReturnCodes.Codes.TryGetValue(code, out var entry), $"{code} has no sentence in NmvsReturnCodes.Codes.");
        Assert.False(string.IsNullOrWhiteSpace(entry.Sentence));
        Assert.False(string.IsNullOrWhiteSpace(entry.Action));
    }

    [Theory]
    [MemberData(nameof(SampleStates))]
    public void EveryPackState_HasAFrenchSentenceAndAnAction(string state)
    {
        Assert.True(NmvsReturnCodes.PackStates.TryGetValue(state, out var entry), $"Pack state {state} has no sentence.");
        Assert.False(string.IsNullOrWhiteSpace(entry.Sentence));
        Assert.False(string.IsNullOrWhiteSpace(entry.Action));
    }

    [Theory]
    [MemberData(nameof(TableCodes))]
    public void EverySentence_ReadsCompletely_WithTheCodeKept_WhateverTheAnswerLeftOut(string code)
    {
        var sparse = NmvsAnswer.Read(new NmvsPackResult(new NmvsPack("03400930270387", "", null, "S1"), code), new DateOnly(2026, 11, 30));
        var full = NmvsAnswer.Read(new NmvsPackResult(new NmvsPack("03400930270387", "A1", new DateOnly(2028, 1, 31), "S1"), code)
        {
            PackState = "Supplied",
            StateChangedAt = new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.Zero),
            SameLocation = false,
            AlertId = "A-1",
        }, new DateOnly(2026, 11, 30));

        foreach (var answer in new[] { sparse, full })
        {
            Assert.DoesNotContain('{', answer.Message);
            Assert.DoesNotContain('{', answer.Action);
            Assert.Contains(code, answer.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AlreadyDecommissioned_SaysWhereAndWhen_AndKeepsTheAlertId()
    {
        var answer = NmvsAnswer.Read(new NmvsPackResult(new NmvsPack("03400930270387", "A1", null, "S1"), "NMVS_NC_PCK_22")
        {
            PackState = "Supplied",
            StateChangedAt = new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.Zero),
            SameLocation = false,
            AlertId = "FR-ALERT-42",
        }, new DateOnly(2026, 11, 30));

        Assert.Equal(NmvsOutcome.SuspectedFalsification, answer.Outcome);
        Assert.Equal("Cette boîte a déjà été délivrée par une autre pharmacie le 28/11/2026 à 11:15 : elle n'est plus active dans le système national (code NMVS NMVS_NC_PCK_22, alerte n° FR-ALERT-42).", answer.Message);
        Assert.StartsWith("Ne pas la délivrer : la mettre de côté", answer.Action, StringComparison.Ordinal);
    }

    [Fact]
    public void AStolenStateBehindAnAlreadyInactiveCode_SaysStolen()
    {
        var answer = NmvsAnswer.Read(new NmvsPackResult(new NmvsPack("03400930270387", "A1", null, "S1"), "NMVS_NC_PCK_22") { PackState = "Stolen" }, new DateOnly(2026, 11, 30));

        Assert.Equal(NmvsOutcome.SuspectedFalsification, answer.Outcome);
        Assert.StartsWith("Cette boîte est déclarée volée", answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NMVS_NC_PCK_99", "Unknown")]
    [InlineData("NMVS_TI_XX_07", "Technical")]
    [InlineData("NMVS_FE_AU_03", "Configuration")]
    [InlineData("SOMETHING_ELSE", "Unknown")]
    public void AnUnknownCode_GetsAnHonestSentenceByFamily_AndKeepsTheCode(string code, string outcome)
    {
        var entry = NmvsReturnCodes.Describe(code);

        Assert.Equal(outcome, entry.Outcome.ToString());
        Assert.Contains("{code}", entry.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void ASuccessWithARecalledBatchOrAnExpiredPack_IsNotOk()
    {
        var pack = new NmvsPack("03400930270387", "A1", new DateOnly(2026, 10, 31), "S1");

        var recalled = NmvsAnswer.Read(new NmvsPackResult(pack, "NMVS_OK") { PackState = "Active", BatchState = "Recalled" }, new DateOnly(2026, 1, 1));
        var expired = NmvsAnswer.Read(new NmvsPackResult(pack, "NMVS_OK") { PackState = "Active" }, new DateOnly(2026, 11, 30));

        Assert.Equal(NmvsOutcome.BatchRecalled, recalled.Outcome);
        Assert.Equal(NmvsOutcome.Expired, expired.Outcome);
    }
}
