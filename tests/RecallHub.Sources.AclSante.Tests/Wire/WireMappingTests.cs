using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.AclSante.Mapping;
using RecallHub.Sources.AclSante.Tests.Support;
using RecallHub.Sources.AclSante.Wire;

namespace RecallHub.Sources.AclSante.Tests.Wire;

public sealed class WireMappingTests
{
    private static WireMapping MappingOf(string settings) =>
        WireMapping.Read(new PluginSettings("acl-sante", JsonDocument.Parse(settings).RootElement));

    [Fact]
    public void RenamedFields_ReadAFormatWithOtherNamesIntoTheSameNotice()
    {
        var mapping = MappingOf("""
            { "format": "portail-acl/2", "fields": {
                "response.format": "version_format", "response.notices": "avis", "response.next": "page_suivante",
                "reference": "ref_fsca", "type": "nature", "issue_date": "date_emission", "updated_at": "maj",
                "manufacturer": "fabricant.raison_sociale", "devices": "dispositifs", "device.trade_name": "nom_commercial",
                "device.udi_di": "iud.di", "device.lots": "numeros_lot", "problem": "description_probleme" } }
            """);
        using var payload = JsonDocument.Parse(TestData.Read("notice_renamed_fields_constructed.json"));

        var record = mapping.Read(Assert.Single(mapping.Records(payload.RootElement)));
        var notice = NoticeMapper.Map(record, Some.Now).Notice;

        Assert.Null(mapping.FormatMismatch(payload.RootElement));
        Assert.Null(mapping.NextPage(payload.RootElement));
        Assert.Equal(("FSCA-2026-0042", 1, false), (notice.SourceId, notice.Version, notice.IsLowConfidence));
        Assert.Equal("Avis de sécurité FSCA-2026-0042 – Cathéter Exemple XYZ – Fabricant Exemple SAS", notice.Title);
        var product = Assert.Single(notice.Products);
        Assert.Equal((CodeScheme.UdiDi, "08714729000013"), (product.CodeScheme, product.Code));
        Assert.Equal(["0031234567", "0031234568"], product.Selector.Lots.Select(l => l.Lot));
        Assert.Equal(new DateTimeOffset(2026, 7, 9, 0, 0, 0, TimeSpan.FromHours(2)), notice.PublishedAt);
    }

    [Fact]
    public void ResponseDeclaringAnotherFormat_IsReported()
    {
        using var payload = JsonDocument.Parse("""{"format": "acl-sante-fsn/2", "notices": []}""");

        string? mismatch = new WireMapping().FormatMismatch(payload.RootElement);

        Assert.Contains("'acl-sante-fsn/2'", mismatch, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFieldKey_IsAConfigurationErrorListingTheKnownOnes()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => MappingOf("""{ "fields": { "device.udi": "iud" } }"""));

        Assert.Contains("'fields.device.udi'", error.Message, StringComparison.Ordinal);
        Assert.Contains("device.udi_di", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadOfAnotherShape_IsAFormatErrorSayingWhatIsExpected()
    {
        using var payload = JsonDocument.Parse("""{"items": []}""");

        var error = Assert.Throws<FormatException>(() => new WireMapping().Records(payload.RootElement));

        Assert.Contains("'notices'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"reference": "R1", "issue_date": "2026-07-01", "devices": "x"}""", "is a JSON string, not a list of devices")]
    [InlineData("""{"reference": "R1", "issue_date": "2026-07-01", "devices": [{"udi_di": "08714729000013", "expiry_range": {"from": "demain"}}]}""", "is not a range of dates")]
    [InlineData("""{"reference": "R1", "issue_date": "2026-07-01", "devices": [{"udi_di": "08714729000013", "serials": [{"lot": "x"}]}]}""", "has neither first|from nor last|to")]
    [InlineData("""{"reference": "R1", "issue_date": "2026-07-01", "version": "deux", "devices": [{"udi_di": "08714729000013", "all_units": "oui"}]}""", "'deux' is not a whole number")]
    public void FieldsThatCannotBeRead_AreReportedAndTheRestIsKept(string json, string problem)
    {
        using var record = JsonDocument.Parse(json);

        var notice = new WireMapping().Read(record.RootElement).Notice!;

        Assert.Equal("R1", notice.Reference);
        Assert.Contains(notice.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }
}
