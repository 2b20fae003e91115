using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using RecallHub.Nmvs.Simulation;

// recallhub NMVS simulator: dotnet run --project tests/RecallHub.Nmvs.Simulator -- --seed FILE [options]; see docs/nmvs.md.
var arguments = args.ToList();
string? Option(string name)
{
    int at = arguments.IndexOf(name);
    return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
}

if (arguments.Contains("--help") || Option("--seed") is not { } seedPath)
{
    Console.Error.WriteLine("""
        NMVS simulator: the national verification system's SOAP operations on 127.0.0.1, over TLS with client certificates.

          --seed FILE                 products, batches and packs (see seed.example.json)           required
          --port N                    the port on 127.0.0.1                                       default 8443
          --server-cert FILE.pfx      the server's certificate (password in NMVS_SIMULATOR_CERT_PASSWORD)
          --client-ca FILE            the CA client certificates must chain to (PEM or DER)
          --client-thumbprint HEX     a client certificate accepted by thumbprint (repeatable)
          --demo-certs DIR            without --server-cert: make a throwaway CA, server certificate and two pharmacy
                                      certificates (pharmacie-a.pfx, pharmacie-b.pfx, no password) in DIR
        """);
    return 2;
}

var now = TimeProvider.System.GetUtcNow();
X509Certificate2 server;
X509Certificate2? clientCa = null;
if (Option("--server-cert") is { } serverPath)
{
    server = X509CertificateLoader.LoadPkcs12FromFile(serverPath, Environment.GetEnvironmentVariable("NMVS_SIMULATOR_CERT_PASSWORD"));
}
else
{
    string folder = Option("--demo-certs") ?? "nmvs-simulator-certs";
    Directory.CreateDirectory(folder);
    var ca = SimulatorCertificates.CreateCa("RecallHub NMVS simulator CA", now);
    server = SimulatorCertificates.CreateServer(ca, now);
    clientCa = ca;
    await File.WriteAllTextAsync(Path.Combine(folder, "ca.crt"), ca.ExportCertificatePem());
    foreach (string location in new[] { "pharmacie-a", "pharmacie-b" })
    {
        using var client = SimulatorCertificates.CreateClient(ca, location, now);
        await File.WriteAllBytesAsync(Path.Combine(folder, location + ".pfx"), client.Export(X509ContentType.Pkcs12));
    }

    Console.WriteLine($"Demo certificates in {Path.GetFullPath(folder)}: ca.crt (trust it as server_ca), pharmacie-a.pfx, pharmacie-b.pfx.");
}

if (Option("--client-ca") is { } caPath)
{
    clientCa = X509CertificateLoader.LoadCertificateFromFile(caPath);
}

var thumbprints = arguments.Select((a, i) => (a, i)).Where(p => p.a == "--client-thumbprint" && p.i + 1 < arguments.Count).Select(p => arguments[p.i + 1]).ToList();
var options = new NmvsSimulatorOptions
{
    ServerCertificate = server,
    ClientCa = clientCa,
    ClientThumbprints = thumbprints,
    Port = int.Parse(Option("--port") ?? "8443", CultureInfo.InvariantCulture),
};
var packs = new PackRegistry(SimulatorSeed.Read(await File.ReadAllTextAsync(seedPath)), TimeProvider.System);
await using var simulator = await NmvsSimulator.StartAsync(options, packs);
Console.WriteLine($"NMVS simulator listening on {simulator.Endpoint}; Ctrl+C stops it.");
await simulator.WaitForShutdownAsync();
return 0;
