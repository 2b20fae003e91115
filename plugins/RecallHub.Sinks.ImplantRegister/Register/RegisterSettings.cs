using System.Text.Json;
using RecallHub.Abstractions.Patients;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>The register's settings: <c>database</c> (path), <c>patient_key</c> (<c>env:…</c>), <c>implantable</c> (the devices).</summary>
internal sealed record RegisterSettings(string DatabasePath, PatientIdentitySeal Seal, IReadOnlyDictionary<string, ImplantableDevice> Implantable)
{
    public static RegisterSettings Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string id = settings.PluginId;
        string database = Path.GetFullPath(settings.GetString("database"));
        PatientIdentitySeal seal;
        try
        {
            seal = PatientIdentitySeal.FromBase64(settings.GetSecret("patient_key"));
        }
        catch (FormatException e)
        {
            throw new PluginConfigurationException($"Setting 'patient_key' of plugin '{id}' is wrong: {e.Message}", e);
        }

        var json = settings.AsJson();
        if (!json.TryGetProperty("implantable", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new PluginConfigurationException($"Setting 'implantable' of plugin '{id}' is required: a list of {{ \"udi_di\", \"device_name\", \"manufacturer\", \"blood_derived\" }}.");
        }

        var devices = new Dictionary<string, ImplantableDevice>(StringComparer.Ordinal);
        int index = 0;
        foreach (var item in list.EnumerateArray())
        {
            string at = $"implantable[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PluginConfigurationException($"Setting '{at}' of plugin '{id}' must be an object.");
            }

            string udiDi = Text(item, "udi_di", at, id);
            var device = new ImplantableDevice(
                DeviceKey.Of(udiDi),
                Text(item, "device_name", at, id),
                Text(item, "manufacturer", at, id),
                item.TryGetProperty("blood_derived", out var blood) && blood.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False or JsonValueKind.Null => false,
                    _ => throw new PluginConfigurationException($"Setting '{at}.blood_derived' of plugin '{id}' must be true or false."),
                });
            if (!devices.TryAdd(device.UdiDi, device))
            {
                throw new PluginConfigurationException($"Setting '{at}' of plugin '{id}' lists UDI-DI {udiDi} a second time.");
            }
        }

        return new RegisterSettings(database, seal, devices);
    }

    private static string Text(JsonElement item, string name, string at, string id) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text.Trim()
            : throw new PluginConfigurationException($"Setting '{at}.{name}' of plugin '{id}' is required: a non-empty string.");
}
