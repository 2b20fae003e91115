using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;

namespace RecallHub.Sinks.Email.Tests.Support;

/// <summary>
/// A real SMTP server for the tests (the e-mail sink's, and the host's digest tests, which compile this file too): Debian's aiosmtpd (package python3-aiosmtpd, installed by tests/run-all.sh) on a
/// free port of 127.0.0.1, storing what it receives in a Maildir the test reads back with MimeKit. With
/// <c>startTls</c> it offers STARTTLS with a self-signed certificate made for the test.
/// </summary>
internal sealed class SmtpTestServer : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private SmtpTestServer(Process process, int port, string folder, string? certificateSha256)
    {
        _process = process;
        Port = port;
        Folder = folder;
        CertificateSha256 = certificateSha256;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The hex SHA-256 of the server's certificate, when it offers STARTTLS.</summary>
    public string? CertificateSha256 { get; }

    public static async Task<SmtpTestServer> StartAsync(bool startTls = false)
    {
        if (!File.Exists(Python) || Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true }) is not { } probe
            || !probe.WaitForExit(20_000) || probe.ExitCode != 0)
        {
            throw new InvalidOperationException("The e-mail tests need a real SMTP server: install Debian's python3-aiosmtpd (tests/run-all.sh does).");
        }

        string folder = Path.Combine(Path.GetTempPath(), "recallhub-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port = FreePort();
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox" })
        {
            start.ArgumentList.Add(arg);
        }

        string? sha256 = null;
        if (startTls)
        {
            sha256 = WriteCertificate(folder);
            foreach (string arg in new[] { "--tlscert", Path.Combine(folder, "cert.pem"), "--tlskey", Path.Combine(folder, "key.pem") })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(Path.Combine(folder, "Maildir"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var server = new SmtpTestServer(process, port, folder, sha256);
        for (int i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(50);
            }
        }

        string error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer on the port";
        server.Dispose();
        throw new InvalidOperationException($"aiosmtpd did not listen on 127.0.0.1:{port}: {error}");
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        string folder = Path.Combine(Folder, "Maildir", "new");
        return !Directory.Exists(folder) ? [] :
            [.. new DirectoryInfo(folder).GetFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => MimeMessage.Load(f.FullName))];
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A port nobody listens on: the sink's "server down" case.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WriteCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(90));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }
}
