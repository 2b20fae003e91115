using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Nmvs.Simulation;
using RecallHub.Plugins.Testing;

namespace RecallHub.Sources.Nmvs.Tests.Support;

/// <summary>
/// A throwaway PKI made in the test (a CA, the simulator's server certificate, two pharmacies' client certificates
/// and one from a foreign CA), written to a temporary folder as the plugin reads them, and the simulator on
/// 127.0.0.1 over real TLS.
/// </summary>
internal sealed class NmvsLab : IAsyncDisposable
{
    public const string CertificatePassword = "lab-password";
    public const string PasswordVariable = "RECALLHUB_TEST_NMVS_PFX_PASSWORD";

    private readonly string _folder = Directory.CreateTempSubdirectory("recallhub-nmvs-").FullName;
    private X509Certificate2? _ca;

    private NmvsLab(FakeTimeProvider clock) => Clock = clock;

    public FakeTimeProvider Clock { get; }

    public NmvsSimulator Simulator { get; private set; } = null!;

    /// <summary>The simulator's endpoint; kept after it stops, so that a plugin keeps asking the same (now dead) port.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public string CaPath => Path.Combine(_folder, "ca.crt");

    public static async Task<NmvsLab> StartAsync(bool startSimulator = true)
    {
        var lab = new NmvsLab(new FakeTimeProvider(Some.Now));
        await lab.MakeCertificatesAsync();
        if (startSimulator)
        {
            await lab.StartSimulatorAsync(0);
        }

        return lab;
    }

    /// <summary>Starts the simulator on <paramref name="port"/> (0: any free one), with a fresh seed.</summary>
    public async Task StartSimulatorAsync(int port)
    {
        var realNow = TimeProvider.System.GetUtcNow();
        var options = new NmvsSimulatorOptions
        {
            ServerCertificate = SimulatorCertificates.CreateServer(_ca!, realNow),
            ClientCa = X509CertificateLoader.LoadCertificate(_ca!.RawData),
            Port = port,
        };
        Simulator = await NmvsSimulator.StartAsync(options, new PackRegistry(Some.Seed(), Clock), TestContext.Current.CancellationToken);
        Endpoint = Simulator.Endpoint;
    }

    public async Task StopSimulatorAsync()
    {
        await Simulator.DisposeAsync();
        Simulator = null!;
    }

    private async Task MakeCertificatesAsync()
    {
        var realNow = TimeProvider.System.GetUtcNow();
        _ca = SimulatorCertificates.CreateCa("RecallHub test CA", realNow);
        using var foreignCa = SimulatorCertificates.CreateCa("Someone else's CA", realNow);
        await File.WriteAllTextAsync(CaPath, _ca.ExportCertificatePem());
        foreach (string location in new[] { "pharmacie-a", "pharmacie-b" })
        {
            using var client = SimulatorCertificates.CreateClient(_ca, location, realNow);
            await File.WriteAllBytesAsync(Pfx(location), client.Export(X509ContentType.Pkcs12, CertificatePassword));
        }

        // Same name as a real pharmacy, wrong issuer: the simulator must refuse it.
        using var stranger = SimulatorCertificates.CreateClient(foreignCa, "pharmacie-a", realNow);
        await File.WriteAllBytesAsync(Pfx("stranger"), stranger.Export(X509ContentType.Pkcs12, CertificatePassword));
    }

    /// <summary>
    /// A source context from the plugin test kit as the hub gives it: <paramref name="settingsJson"/>, the lab's clock,
    /// <see cref="PasswordVariable"/> set (in the context, not in the process's environment).
    /// </summary>
    public TestSourceContext Context(string settingsJson, InMemoryPluginState? state = null) =>
        new TestSourceContext("nmvs", Clock, state).WithSettings(settingsJson).WithSecret(PasswordVariable, CertificatePassword);

    /// <summary>The plugin's settings, as plugins.json would hold them, for the pharmacy <paramref name="location"/>.</summary>
    public string Settings(string location = "pharmacie-a", object? extra = null, Uri? endpoint = null)
    {
        var settings = new Dictionary<string, object>
        {
            ["endpoint"] = (endpoint ?? Endpoint).ToString(),
            ["certificate"] = Pfx(location),
            ["certificate_password"] = "env:" + PasswordVariable,
            ["server_ca"] = CaPath,
            ["timeout"] = 5,
        };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                settings[property.Name] = property.Value;
            }
        }

        return JsonSerializer.Serialize(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }

        _ca?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Pfx(string location) => Path.Combine(_folder, location + ".pfx");
}
