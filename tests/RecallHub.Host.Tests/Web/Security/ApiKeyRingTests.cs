using Microsoft.Extensions.Configuration;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Tests.Web.Security;

public sealed class ApiKeyRingTests
{
    private static ApiKeyRing From(params (string Key, string Value)[] settings) =>
        ApiKeyRing.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void From_ReadsKeysAndFindsThem()
    {
        var ring = From(("Hub:ApiKeys:0:Name", "lgo"), ("Hub:ApiKeys:0:Key", "0123456789abcdefghijklmnop"), ("Hub:ApiKeys:0:Scopes:0", "scan"));

        Assert.Equal("lgo", ring.Find("0123456789abcdefghijklmnop")?.Name);
        Assert.Null(ring.Find("0123456789abcdefghijklmnoq"));
    }

    [Theory]
    [InlineData("Name", "", "Hub:ApiKeys:0:Name is required.")]
    [InlineData("Key", "short", "Hub:ApiKeys:0:Key of 'lgo' is too short: use at least 24 random characters.")]
    [InlineData("Scopes:0", "delete", "Hub:ApiKeys:0:Scopes of 'lgo' must list some of: scan, check, admin, patients.")]
    public void From_StopsTheStartOnAWrongEntry(string member, string value, string message)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hub:ApiKeys:0:Name"] = "lgo",
            ["Hub:ApiKeys:0:Key"] = "0123456789abcdefghijklmnop",
            ["Hub:ApiKeys:0:Scopes:0"] = "scan",
        };
        settings["Hub:ApiKeys:0:" + member] = value;

        var error = Assert.Throws<InvalidOperationException>(() => From([.. settings.Select(s => (s.Key, s.Value))]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void From_NeedsAKeyOrItsHash() =>
        Assert.Contains("needs Key or KeySha256", Assert.Throws<InvalidOperationException>(() => From(("Hub:ApiKeys:0:Name", "lgo"), ("Hub:ApiKeys:0:Scopes:0", "scan"))).Message, StringComparison.Ordinal);
}
