using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RecallHub.Nmvs.Simulation;

/// <summary>
/// A throwaway PKI for the simulator and its tests: a CA, a server certificate for localhost/127.0.0.1 and pharmacy
/// client certificates, all made with <see cref="CertificateRequest"/>. Never for production.
/// </summary>
public static class SimulatorCertificates
{
    /// <summary>A self-signed CA.</summary>
    /// <param name="name">Its common name.</param>
    /// <param name="now">The clock's now: the certificates are valid from a day before to a year after.</param>
    public static X509Certificate2 CreateCa(string name, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    /// <summary>A server certificate for <c>localhost</c> and <c>127.0.0.1</c>, issued by <paramref name="ca"/>.</summary>
    public static X509Certificate2 CreateServer(X509Certificate2 ca, DateTimeOffset now)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        return Issue(ca, "CN=localhost", now, "1.3.6.1.5.5.7.3.1", names.Build());
    }

    /// <summary>A pharmacy's client certificate, issued by <paramref name="ca"/>; its common name is the location.</summary>
    public static X509Certificate2 CreateClient(X509Certificate2 ca, string location, DateTimeOffset now) =>
        Issue(ca, $"CN={location}", now, "1.3.6.1.5.5.7.3.2", null);

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, DateTimeOffset now, string usage, X509Extension? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, now.AddDays(-1), now.AddMonths(6), serial);

        // Exported and re-read so that the key is usable by TLS on every platform (an ephemeral key is not, on Windows).
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
