using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RecallHub.Sources.Nmvs.Client;

/// <summary>
/// The HTTP client to the national system. The host's clients cannot carry a client certificate, so the plugin builds
/// its own handler: the pharmacy's certificate for mutual TLS, and, when <c>server_ca</c> is set, a server certificate
/// that must chain to that CA and match the host name.
/// </summary>
internal static class NmvsConnection
{
    /// <summary>Creates the client for <paramref name="settings"/>.</summary>
    public static HttpClient Create(NmvsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        if (settings.ClientCertificate is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        if (settings.ServerCa is { } ca)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, errors) => ChainsTo(ca, server, errors);
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = settings.Timeout };
    }

    /// <summary>Whether <paramref name="server"/> chains to <paramref name="ca"/> and names the host asked for.</summary>
    public static bool ChainsTo(X509Certificate2 ca, X509Certificate? server, SslPolicyErrors errors)
    {
        if (server is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(server);
        return chain.Build(leaf);
    }
}
