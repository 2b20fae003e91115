using System.Security.Cryptography.X509Certificates;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Nmvs;

/// <summary>The plugin's settings, read and checked once at start. See <c>docs/nmvs.md</c>.</summary>
internal sealed record NmvsSettings
{
    /// <summary>How the system is reached; <see cref="NmvsMode.Direct"/> by default.</summary>
    public NmvsMode Mode { get; init; }

    /// <summary>The SOAP endpoint (<c>endpoint</c>, required).</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The pharmacy's client certificate (direct mode): <c>certificate</c> + <c>certificate_password</c>, or <c>certificate_store</c>.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>A CA the server's certificate must chain to (<c>server_ca</c>), instead of the machine's trusted roots.</summary>
    public X509Certificate2? ServerCa { get; init; }

    /// <summary>The pharmacy's user id at the system (<c>user_id</c>), if it asks for one.</summary>
    public string? UserId { get; init; }

    /// <summary>Its password (<c>password</c>, a secret: <c>env:NAME</c>).</summary>
    public string? Password { get; init; }

    /// <summary>How long one request may take (<c>timeout</c>); 10 s by default: the counter waits.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Packs verified while the scan request waits (<c>inline_limit</c>, 50 by default); the rest are queued.</summary>
    public int InlineLimit { get; init; } = 50;

    /// <summary>Packs per bulk request (<c>bulk_size</c>, 50 by default).</summary>
    public int BulkSize { get; init; } = 50;

    /// <summary>
    /// Whether a dispensation scan dispenses the pack in the system, and a return scan undoes it
    /// (<c>dispense_on_dispensation</c>, <see langword="false"/> by default: most pharmacy software does it itself, and
    /// doing it twice raises a false "already dispensed" alert).
    /// </summary>
    public bool DispenseOnDispensation { get; init; }

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="PluginConfigurationException">A setting is missing or wrong.</exception>
    public static NmvsSettings Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string id = settings.PluginId;
        var mode = settings.GetString("mode", "direct") switch
        {
            "direct" => NmvsMode.Direct,
            "connector" => NmvsMode.Connector,
            var other => throw new PluginConfigurationException($"Setting 'mode' of plugin '{id}' must be \"direct\" or \"connector\", not \"{other}\"."),
        };
        var endpoint = settings.GetUri("endpoint");
        if (mode == NmvsMode.Direct && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new PluginConfigurationException($"Setting 'endpoint' of plugin '{id}' must be an https URL in direct mode: the client certificate needs TLS.");
        }

        if (mode == NmvsMode.Connector && endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback)
        {
            throw new PluginConfigurationException($"Setting 'endpoint' of plugin '{id}' must be https unless the connector runs on this machine (127.0.0.1 or localhost).");
        }

        X509Certificate2? certificate = null;
        if (mode == NmvsMode.Direct)
        {
            certificate = settings.Contains("certificate_store")
                ? FromStore(id, settings.GetString("certificate_store"))
                : settings.Contains("certificate")
                    ? FromFile(id, settings.GetString("certificate"), settings.Contains("certificate_password") ? settings.GetSecret("certificate_password") : null)
                    : throw new PluginConfigurationException($"Plugin '{id}' in direct mode needs the pharmacy's certificate: set 'certificate' (a .pfx file) with 'certificate_password' (\"env:NAME\"), or 'certificate_store' (\"CurrentUser/My/THUMBPRINT\").");
        }

        int inline = settings.GetInt32("inline_limit", 50);
        int bulk = settings.GetInt32("bulk_size", 50);
        if (inline < 0 || bulk < 1)
        {
            throw new PluginConfigurationException($"Plugin '{id}': 'inline_limit' must be 0 or more and 'bulk_size' 1 or more.");
        }

        return new NmvsSettings
        {
            Mode = mode,
            Endpoint = endpoint,
            ClientCertificate = certificate,
            ServerCa = settings.GetString("server_ca", null) is { } ca ? LoadCertificate(id, "server_ca", ca) : null,
            UserId = settings.GetString("user_id", null),
            Password = settings.Contains("password") ? settings.GetSecret("password") : null,
            Timeout = settings.GetDuration("timeout", TimeSpan.FromSeconds(10)),
            InlineLimit = inline,
            BulkSize = bulk,
            DispenseOnDispensation = settings.GetBoolean("dispense_on_dispensation", false),
        };
    }

    private static X509Certificate2 FromFile(string id, string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new PluginConfigurationException($"Setting 'certificate' of plugin '{id}': '{path}' holds no private key; export the certificate with its key (.pfx).");
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new PluginConfigurationException($"Setting 'certificate' of plugin '{id}': '{path}' could not be read as a .pfx with the given password: {e.Message}", e);
        }
    }

    // "CurrentUser/My/THUMBPRINT" or "LocalMachine/My/THUMBPRINT".
    private static X509Certificate2 FromStore(string id, string reference)
    {
        string[] parts = reference.Split('/');
        if (parts.Length != 3 || !Enum.TryParse<StoreLocation>(parts[0], ignoreCase: true, out var location))
        {
            throw new PluginConfigurationException($"Setting 'certificate_store' of plugin '{id}' must be \"CurrentUser/My/THUMBPRINT\" or \"LocalMachine/My/THUMBPRINT\", not \"{reference}\".");
        }

        using var store = new X509Store(parts[1], location);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, parts[2].Replace(" ", "", StringComparison.Ordinal), validOnly: false);
        return found.Count > 0 && found[0].HasPrivateKey
            ? found[0]
            : throw new PluginConfigurationException($"Setting 'certificate_store' of plugin '{id}': no certificate with a private key and thumbprint {parts[2]} in {parts[0]}/{parts[1]}.");
    }

    private static X509Certificate2 LoadCertificate(string id, string name, string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new PluginConfigurationException($"Setting '{name}' of plugin '{id}': '{path}' is not a readable certificate (PEM or DER): {e.Message}", e);
        }
    }
}
