using System.Reflection;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Abstractions.Tests.Plugins;

public sealed class PackageVersionTests
{
    [Fact]
    public void AssemblyVersion_IsTheContractVersion_SoPluginsBindToAnyHostOfTheSameContract()
    {
        var assembly = typeof(PluginContract).Assembly;
        var version = assembly.GetName().Version!;
        string informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(PluginContract.Version, $"{version.Major}.{version.Minor}");
        Assert.Equal((0, 0), (version.Build, version.Revision));
        Assert.StartsWith(PluginContract.Version + ".", informational, StringComparison.Ordinal);
    }
}
