using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Plugins;
using RecallHub.Host.Web;
using RecallHub.Nmvs.Simulation;

namespace RecallHub.Host.Demo;

/// <summary>
/// <c>recallhub demo</c>: the whole hub on a temporary SQLite file, its real plugins loaded from folders, pulling
/// recorded ANSM, RappelConso and ACL Santé payloads from local stand-ins and verifying packs against the NMVS simulator
/// over TLS with a client certificate — nothing leaves 127.0.0.1, nothing is configured by hand. It plays a pharmacy's
/// history through the HTTP API, pulls the sources, tells in French what happened, then serves the hub.
/// </summary>
/// <remarks>
/// Every secret is made for the run and dies with it: API keys, the patient key, the ACL Santé token, and a throwaway
/// CA with the simulator's server certificate and the pharmacy's client certificate.
/// </remarks>
internal sealed partial class DemoRun : IAsyncDisposable
{
    // Secrets reach plugins as env:NAME (plugins.json never holds one); unique names, set for this process only.
    private const string PatientKeyVariable = "RECALLHUB_DEMO_PATIENT_KEY";
    private const string AclTokenVariable = "RECALLHUB_DEMO_ACL_SANTE_TOKEN";

    private readonly DemoOptions _options;
    private readonly TextWriter _out;
    private readonly TimeProvider _time;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
    private readonly string _lgoKey = NewSecret();
    private readonly string _adminKey = NewSecret();
    private readonly string _patientsKey = NewSecret();
    private DemoSourceSites? _sites;
    private NmvsSimulator? _nmvs;
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _hub;
    private HttpClient? _http;

    private DemoRun(DemoOptions options, TextWriter output, TimeProvider time)
    {
        _options = options;
        _out = output;
        _time = time;
    }

    private string DatabasePath => Path.Combine(_folder, "recallhub.db");

    /// <summary>Runs the demo: the story and its report, then — unless told not to — serves the hub until cancelled.</summary>
    /// <param name="options">Where to listen, whether to keep the folder and to serve.</param>
    /// <param name="output">Where the French narrative goes.</param>
    /// <param name="time">The hub's clock (the story's scans are dated from it).</param>
    /// <param name="cancellationToken">Ctrl+C: stops the demo cleanly at any point.</param>
    public static async Task<DemoReport> RunAsync(DemoOptions options, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var run = new DemoRun(options, output, time);
        await run.StartAsync(cancellationToken).ConfigureAwait(false);
        var report = await run.PlayAsync(cancellationToken).ConfigureAwait(false);
        await DemoReportWriter.WriteAsync(report, output).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        using var digestError = new StringWriter();
        string? digest = await DemoDigestPreview.WriteAsync(run.DatabasePath, run._folder, time, digestError).ConfigureAwait(false);
        await output.WriteLineAsync(digest is null
            ? $"Aperçu du récapitulatif quotidien : non écrit ({digestError.ToString().Trim()})."
            : $"Aperçu du récapitulatif quotidien (ce que la pharmacie recevra demain matin) : {digest}").ConfigureAwait(false);
        using var accountError = new StringWriter();
        string? password = await DemoAccount.CreateAsync(run.DatabasePath, time, accountError).ConfigureAwait(false);
        await output.WriteLineAsync(password is null
            ? $"Compte du tableau de bord : non créé ({accountError.ToString().Trim()})."
            : $"Compte du tableau de bord (rôle pharmacien) : identifiant « {DemoAccount.Name} », mot de passe « {password} » (créé pour cette démonstration).").ConfigureAwait(false);
        if (options.Serve)
        {
            await run.ServeAsync(cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_hub is not null)
        {
            await _hub.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _hub.DisposeAsync().ConfigureAwait(false);
        }

        if (_nmvs is not null)
        {
            await _nmvs.DisposeAsync().ConfigureAwait(false);
        }

        if (_sites is not null)
        {
            await _sites.DisposeAsync().ConfigureAwait(false);
        }

        _catalog?.Dispose();
        _store?.Dispose();
        SqliteConnection.ClearAllPools();
        if (_options.Keep)
        {
            await _out.WriteLineAsync($"Dossier de la démonstration conservé : {_folder}").ConfigureAwait(false);
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped (a plugin's database on some systems): the OS cleans its temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        await Say($"RecallHub — démonstration. Tout tourne sur cette machine (127.0.0.1), sans réseau ni configuration ; données dans {_folder}.").ConfigureAwait(false);
        string patientKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        string aclToken = NewSecret();
        Environment.SetEnvironmentVariable(PatientKeyVariable, patientKey);
        Environment.SetEnvironmentVariable(AclTokenVariable, aclToken);

        _sites = await DemoSourceSites.StartAsync(aclToken, cancellationToken).ConfigureAwait(false);
        await Say($"Sites de l'ANSM, de RappelConso et du portail ACL Santé rejoués depuis des enregistrements sur {_sites.Root}").ConfigureAwait(false);

        var (caFile, pharmacyFile) = await StartNmvsAsync(cancellationToken).ConfigureAwait(false);
        await Say($"Simulateur NMVS sur {_nmvs!.Endpoint} (TLS ; autorité, certificat serveur et certificat de la pharmacie créés pour cette démonstration)").ConfigureAwait(false);

        string pluginsJson = Path.Combine(_folder, "plugins.json");
        await File.WriteAllTextAsync(pluginsJson, PluginsJson(caFile, pharmacyFile), cancellationToken).ConfigureAwait(false);
        _catalog = PluginCatalog.Load(PluginsFile.Read(pluginsJson));
        _store = await SqliteRecallHubStore.OpenAsync(DatabasePath, _time, cancellationToken: cancellationToken).ConfigureAwait(false);
        _hub = HubWebApplication.Build(_options.Urls, _time, _catalog, HubSettings(patientKey), _store, runPlugins: true);
        await _hub.StartAsync(cancellationToken).ConfigureAwait(false);
        _http = new HttpClient { BaseAddress = HubUrl(_hub) };

        var failed = _catalog.Statuses.Where(s => s.State != PluginState.Loaded).ToList();
        await Say($"Hub démarré sur {_http.BaseAddress} : {_catalog.Statuses.Count - failed.Count} plugins chargés depuis leurs dossiers ({string.Join(", ", _catalog.Statuses.Where(s => s.State == PluginState.Loaded).Select(s => s.Id))}).").ConfigureAwait(false);
        foreach (var status in failed)
        {
            await Say($"  le plugin {status.Id} n'a pas pu être chargé : {status.Reason}").ConfigureAwait(false);
        }
    }

    private async Task<(string CaFile, string PharmacyFile)> StartNmvsAsync(CancellationToken cancellationToken)
    {
        // TLS checks validity against the machine's real clock, whatever clock the hub is given.
        var now = TimeProvider.System.GetUtcNow();
        using var ca = SimulatorCertificates.CreateCa("RecallHub demo CA", now);
        using var pharmacy = SimulatorCertificates.CreateClient(ca, "pharmacie-demo", now);
        string caFile = Path.Combine(_folder, "nmvs-ca.crt");
        string pharmacyFile = Path.Combine(_folder, "pharmacie-demo.pfx");
        await File.WriteAllTextAsync(caFile, ca.ExportCertificatePem(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(pharmacyFile, pharmacy.Export(X509ContentType.Pkcs12), cancellationToken).ConfigureAwait(false);
        _nmvs = await NmvsSimulator.StartAsync(
            new NmvsSimulatorOptions { ServerCertificate = SimulatorCertificates.CreateServer(ca, now), ClientCa = X509CertificateLoader.LoadCertificate(ca.RawData) },
            new PackRegistry(DemoPharmacy.NmvsSeed(), _time),
            cancellationToken).ConfigureAwait(false);
        return (caFile, pharmacyFile);
    }

    // No schedule: the demo pulls each source once, on demand, so the story is the same at every run.
    private string PluginsJson(string caFile, string pharmacyFile)
    {
        string Folder(string id) => Path.Combine(_options.PluginsFolder, id);
        var plugins = new object[]
        {
            new { id = "ansm", folder = Folder("ansm"), settings = new { base_url = new Uri(_sites!.Root, DemoSourceSites.AnsmListingPath).ToString(), delay = 0, retries = 0, categories = new[] { "Rappel de produit" } } },
            new { id = "rappelconso", folder = Folder("rappelconso"), settings = new { base_url = _sites.Root.ToString(), max_attempts = 1 } },
            new { id = "acl-sante", folder = Folder("acl-sante"), settings = new { base_url = new Uri(_sites.Root, "/api/v1/").ToString(), token = "env:" + AclTokenVariable } },
            new { id = "nmvs", folder = Folder("nmvs"), settings = new { endpoint = _nmvs!.Endpoint.ToString(), certificate = pharmacyFile, server_ca = caFile } },
            new
            {
                id = "implant-register",
                folder = Folder("implant-register"),
                settings = new
                {
                    database = Path.Combine(_folder, "implant-register.db"),
                    patient_key = "env:" + PatientKeyVariable,
                    implantable = new[] { new { udi_di = DemoPharmacy.ImplantedPump.Gtin, device_name = DemoPharmacy.ImplantedPump.Label, manufacturer = "Dispositifs Exemple SA" } },
                },
            },
        };
        return JsonSerializer.Serialize(new { plugins }, new JsonSerializerOptions { WriteIndented = true });
    }

    private Dictionary<string, string?> HubSettings(string patientKey) => new()
    {
        ["Hub:PatientIdentityKey"] = patientKey,
        ["Hub:ApiKeys:0:Name"] = "lgo-demo",
        ["Hub:ApiKeys:0:Key"] = _lgoKey,
        ["Hub:ApiKeys:0:Scopes:0"] = "scan",
        ["Hub:ApiKeys:0:Scopes:1"] = "check",
        ["Hub:ApiKeys:1:Name"] = "pharmacien-demo",
        ["Hub:ApiKeys:1:Key"] = _adminKey,
        ["Hub:ApiKeys:1:Scopes:0"] = "admin",
        ["Hub:ApiKeys:2:Name"] = "pharmacien-demo-patients",
        ["Hub:ApiKeys:2:Key"] = _patientsKey,
        ["Hub:ApiKeys:2:Scopes:0"] = "patients",

        // The narrative says what happens; the framework's and plugins' routine logs would drown it.
        ["Logging:LogLevel:Default"] = "Error",
    };

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        var root = _http!.BaseAddress!;
        using var home = await _http.GetAsync(root, cancellationToken).ConfigureAwait(false);
        bool dashboard = home.IsSuccessStatusCode && home.Content.Headers.ContentType?.MediaType == "text/html";
        await _out.WriteLineAsync().ConfigureAwait(false);
        await _out.WriteLineAsync(dashboard
            ? $"Tableau de bord : {root}"
            : $"Le hub répond : santé {new Uri(root, "/health")}, API {new Uri(root, "/api/v1/")} (documentée par {new Uri(root, "/openapi/v1.json")}).").ConfigureAwait(false);
        await _out.WriteLineAsync($"Clés d'API de cette démonstration (en-tête X-Api-Key) : pharmacien {_adminKey} ; patients {_patientsKey} ; logiciel de la pharmacie {_lgoKey}.").ConfigureAwait(false);
        await _out.WriteLineAsync("Ctrl+C arrête la démonstration.").ConfigureAwait(false);
        try
        {
            await _hub!.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is how a demo ends.
        }

        await _out.WriteLineAsync("Démonstration arrêtée.").ConfigureAwait(false);
    }

    private Task Say(string line) => _out.WriteLineAsync("▸ " + line);

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    // A wildcard address (0.0.0.0, [::], *) is reached on loopback.
    private static Uri HubUrl(WebApplication hub)
    {
        var address = new Uri(hub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal));
        return address.Host is "0.0.0.0" or "[::]" ? new UriBuilder(address) { Host = "127.0.0.1" }.Uri : new Uri(address.GetLeftPart(UriPartial.Authority) + "/");
    }
}
