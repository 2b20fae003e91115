namespace RecallHub.Abstractions.Plugins;

/// <summary>The version of the plugin contract this assembly defines.</summary>
/// <remarks>
/// A plugin declares in its manifest the contract version it was built against. The host loads it when the major
/// versions are equal and the plugin's minor version is not newer than the host's: minor versions only add.
/// </remarks>
public static class PluginContract
{
    /// <summary>The contract version, <c>major.minor</c>.</summary>
    /// <remarks>
    /// 1.1 added <see cref="HubEventType.PackHandedOver"/> with <see cref="HubEvent.Handover"/>, the optional
    /// <see cref="IPluginQueries"/>, <see cref="Patients.PatientIdentitySeal"/>, and the optional
    /// <see cref="IPackVerifier"/>: plugins built against 1.0 run unchanged. 1.2 added <see cref="HubEvent.Pharmacy"/>
    /// for hubs serving several pharmacies.
    /// </remarks>
    public const string Version = "1.2";

    /// <summary>
    /// <see langword="true"/> when a plugin built against <paramref name="pluginContractVersion"/> can run on this
    /// contract.
    /// </summary>
    /// <param name="pluginContractVersion">The <c>contract_version</c> from the plugin's manifest.</param>
    public static bool IsCompatible(string? pluginContractVersion)
    {
        if (!System.Version.TryParse(pluginContractVersion, out var plugin) || plugin.Build > 0 || plugin.Revision > 0)
        {
            return false;
        }

        var host = System.Version.Parse(Version);
        return plugin.Major == host.Major && plugin.Minor <= host.Minor;
    }
}
