using RecallHub.Abstractions.Plugins;

namespace RecallHub.Abstractions.Tests.Plugins;

public sealed class PluginContractTests
{
    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1", false)] // major.minor is required
    [InlineData("0.9", false)] // another major
    [InlineData("2.0", false)]
    [InlineData("1.1", true)] // 1.1 added handovers, queries, the patient seal and pack verifiers
    [InlineData("1.2", true)] // 1.2 added the pharmacy of an event
    [InlineData("1.3", false)] // newer minor than the host: may use members the host lacks
    [InlineData("1.0.1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsCompatible_AcceptsTheSameMajorAndAnOlderOrEqualMinor(string? version, bool expected) =>
        Assert.Equal(expected, PluginContract.IsCompatible(version));
}
