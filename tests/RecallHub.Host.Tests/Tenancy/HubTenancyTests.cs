using Microsoft.Extensions.Configuration;
using RecallHub.Core.Storage;
using RecallHub.Core.Tenancy;
using RecallHub.Host.Tenancy;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Tests.Tenancy;

public sealed class HubTenancyTests
{
    internal const string PharmacyA = "750712184";
    internal const string PharmacyB = "690123450";

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static (string, string)[] Key(string? pharmacy) =>
    [
        ("Hub:ApiKeys:0:Name", "lgo"),
        ("Hub:ApiKeys:0:Key", "0123456789abcdefghijklmnop"),
        ("Hub:ApiKeys:0:Scopes:0", "scan"),
        .. pharmacy is null ? Array.Empty<(string, string)>() : [("Hub:ApiKeys:0:Pharmacy", pharmacy)],
    ];

    private static string Refusal(bool multiPharmacy, params (string Key, string Value)[] settings)
    {
        var configuration = Settings(settings);
        return Assert.Throws<InvalidOperationException>(() => ApiKeyRing.From(configuration, HubTenancy.Read(configuration, multiPharmacy))).Message;
    }

    [Fact]
    public void SingleHub_WithoutPharmacies_KeepsTheSingleScopeForEveryone()
    {
        var tenancy = HubTenancy.Read(Settings(), multiPharmacy: false);

        Assert.Equal(PharmacyScope.Single, tenancy.ScopeOf(null));
        Assert.Equal(PharmacyScope.Single, tenancy.ScopeOfOption(null));
    }

    [Fact]
    public void SingleHub_RefusesAKeyNamingAPharmacy_NamingTheKey() =>
        Assert.Equal(
            $"Hub:ApiKeys:0:Pharmacy of 'lgo' is {PharmacyA}, but this hub keeps one pharmacy's data (SQLite): remove the key's Pharmacy, or set Hub:Pharmacy to {PharmacyA} to name the hub's pharmacy; serving several pharmacies needs a PostgreSQL store (Hub:Store:PostgreSql).",
            Refusal(false, Key(PharmacyA)));

    [Fact]
    public void SingleHub_AcceptsAKeyNamingItsOwnPharmacy_AndRefusesAnother()
    {
        var configuration = Settings([("Hub:Pharmacy", PharmacyA), .. Key(PharmacyA)]);
        var ring = ApiKeyRing.From(configuration, HubTenancy.Read(configuration, multiPharmacy: false));

        Assert.Equal(PharmacyA, ring.Find("0123456789abcdefghijklmnop")?.Pharmacy?.Value);
        Assert.Contains($"is {PharmacyB}, but this hub keeps one pharmacy's data (SQLite), {PharmacyA} (Hub:Pharmacy)", Refusal(false, [("Hub:Pharmacy", PharmacyA), .. Key(PharmacyB)]), StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyWhosePharmacyIsNoFinessNumber_IsRefused() =>
        Assert.Equal("Hub:ApiKeys:0:Pharmacy of 'lgo': The FINESS number '750712185' has a wrong check digit (its last digit): was it mistyped?", Refusal(true, [("Hub:Pharmacies:0:Finess", PharmacyA), .. Key("750712185")]));

    [Fact]
    public void SingleHub_RefusesAListOfPharmacies() =>
        Assert.StartsWith("Hub:Pharmacies lists pharmacies, but this hub's store keeps one pharmacy's data (SQLite)", Refusal(false, ("Hub:Pharmacies:0:Finess", PharmacyA)), StringComparison.Ordinal);

    [Theory]
    [InlineData("Hub:Pharmacies:0:Finess", "", "This hub's store keeps several pharmacies' data: list the pharmacies it serves in Hub:Pharmacies:N:Finess (and optionally :Name).")]
    [InlineData("Hub:Pharmacies:1:Finess", "75071218", "Hub:Pharmacies:1:Finess: A FINESS number has 9 characters; '75071218' has 8.")]
    [InlineData("Hub:Pharmacies:1:Finess", PharmacyA, "Hub:Pharmacies:1:Finess: 750712184 is listed twice in Hub:Pharmacies.")]
    [InlineData("Hub:Pharmacy", PharmacyA, "Hub:Pharmacy names the one pharmacy of a single-pharmacy (SQLite) hub; this hub's store keeps several pharmacies: list them in Hub:Pharmacies:N:Finess instead.")]
    public void MultiHub_RefusesWrongPharmacies(string key, string value, string message)
    {
        var settings = new List<(string, string)>();
        if (key != "Hub:Pharmacies:0:Finess")
        {
            settings.Add(("Hub:Pharmacies:0:Finess", PharmacyA));
        }

        if (value.Length > 0)
        {
            settings.Add((key, value));
        }

        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => HubTenancy.Read(Settings([.. settings]), multiPharmacy: true)).Message);
    }

    [Fact]
    public void MultiHub_RefusesAKeyOfAPharmacyItDoesNotServe() =>
        Assert.Equal(
            $"Hub:ApiKeys:0:Pharmacy of 'lgo' is {PharmacyB}, which is not one of this hub's pharmacies: add it to Hub:Pharmacies:N:Finess or fix the key.",
            Refusal(true, [("Hub:Pharmacies:0:Finess", PharmacyA), .. Key(PharmacyB)]));

    [Fact]
    public void MultiHub_GivesAPharmacyItsScope_AndAnOperatorNone()
    {
        var tenancy = HubTenancy.Read(Settings(("Hub:Pharmacies:0:Finess", PharmacyA), ("Hub:Pharmacies:0:Name", "Pharmacie des Tilleuls"), ("Hub:Pharmacies:1:Finess", PharmacyB)), multiPharmacy: true);

        Assert.Equal(PharmacyScope.Of(FinessNumber.Parse(PharmacyA)), tenancy.ScopeOf(PharmacyA));
        Assert.Null(tenancy.ScopeOf(null));
        Assert.Equal("Pharmacie des Tilleuls", tenancy.NameOf(FinessNumber.Parse(PharmacyA)));
        Assert.Null(tenancy.NameOf(FinessNumber.Parse(PharmacyB)));
        Assert.Equal(PharmacyScope.Of(FinessNumber.Parse(PharmacyB)), tenancy.ScopeOfOption("69 012 345 0"));
        Assert.StartsWith("this hub serves several pharmacies: say which with --pharmacy FINESS", Assert.Throws<InvalidOperationException>(() => tenancy.ScopeOfOption(null)).Message, StringComparison.Ordinal);
        Assert.StartsWith("--pharmacy 130555550 is not one of this hub's pharmacies", Assert.Throws<InvalidOperationException>(() => tenancy.ScopeOfOption("130555550")).Message, StringComparison.Ordinal);
    }
}
