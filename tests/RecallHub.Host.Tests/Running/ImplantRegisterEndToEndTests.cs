using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// The real implant register, built and loaded from its own plugin folder by the hub as <c>recallhub run</c> starts
/// it: an implantation scan with a patient, a recall of that device's lot, and the patients-scoped query that says
/// whom to contact.
/// </summary>
public sealed class ImplantRegisterEndToEndTests : IAsyncLifetime
{
    private const string AdminKey = "pharmacist-key-0123456789abcdef";
    private const string PatientsKey = "patients-key-0123456789abcdefg";
    private const string ScanKey = "bloc-scanner-key-0123456789abc";
    private const string Ins = "269052A12345688";
    private const string DeviceDi = "07612345678900";
    private const string KeyVariable = "RECALLHUB_E2E_PATIENT_KEY";

    private static readonly string PluginBuild = Path.Combine(AppContext.BaseDirectory, "plugins", "implant-register");
    private static readonly string PatientKey = Convert.ToBase64String([.. Enumerable.Range(40, 32).Select(i => (byte)i)]);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = Some.Clock();
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _app;
    private HttpClient? _http;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Code => $"]d201{DeviceDi}17280229" + "10LOT42\u001d21SN001";

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable(KeyVariable, PatientKey);
        string folder = Path.Combine(_root, "plugins", "implant-register");
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(PluginBuild, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(folder, Path.GetRelativePath(PluginBuild, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Assert.False(File.Exists(Path.Combine(folder, "RecallHub.Abstractions.dll")), "The plugin must not ship the contract.");
        File.WriteAllText(Path.Combine(_root, "plugins.json"), $$"""
            { "plugins": [
                { "id": "implant-register", "folder": "plugins/implant-register", "settings": {
                    "database": {{JsonSerializer.Serialize(Path.Combine(_root, "register", "register.db"))}},
                    "patient_key": "env:{{KeyVariable}}",
                    "implantable": [ { "udi_di": "{{DeviceDi}}", "device_name": "DIU Cuivre 380", "manufacturer": "Laboratoire CCD" } ] } }
            ] }
            """);
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_root, "hub.db"), _clock, cancellationToken: Cancel);
        _catalog = PluginCatalog.Load(PluginsFile.Read(Path.Combine(_root, "plugins.json")));
        _app = HubWebApplication.Build("http://127.0.0.1:0", _clock, _catalog, new Dictionary<string, string?>
        {
            ["Hub:PatientIdentityKey"] = PatientKey,
            ["Hub:ApiKeys:0:Name"] = "pharmacist",
            ["Hub:ApiKeys:0:Key"] = AdminKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "admin",
            ["Hub:ApiKeys:1:Name"] = "dr-martin",
            ["Hub:ApiKeys:1:Key"] = PatientsKey,
            ["Hub:ApiKeys:1:Scopes:0"] = "patients",
            ["Hub:ApiKeys:2:Name"] = "bloc-2",
            ["Hub:ApiKeys:2:Key"] = ScanKey,
            ["Hub:ApiKeys:2:Scopes:0"] = "scan",
        }, _store, runPlugins: true);
        await _app.StartAsync(Cancel);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(Cancel);
            await _app.DisposeAsync();
        }

        _catalog?.Dispose();
        _store?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The plugin's assemblies may stay mapped; the OS cleans the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [Fact]
    public async Task ImplantationThenRecall_ThePatientsKeyLearnsWhomToContact_AndTheAdminKeyDoesNot()
    {
        var status = Assert.Single(_catalog!.Statuses);
        Assert.True(status.State == PluginState.Loaded, status.Reason);
        var scan = await SendAsync(HttpMethod.Post, "/api/v1/scans", ScanKey, new
        {
            code = Code,
            @event = "implantation",
            patient = new { ins = "2 69 05 2A 123 456 88", family_name = "Santoni", given_names = "Lucia", birth_date = "1969-05-14" },
            prescriber = new { name = "Dr Jean Martin", rpps = "10003456789" },
            place = "Bloc 2, Clinique du Parc",
            @operator = "IBODE Durand",
        });
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);

        // The register learns the handover from the outbox, in the background.
        await EventuallyAsync(async () => (await QueryAsync($"lot-patients?udi_di={DeviceDi}&lot=LOT42", PatientsKey)).Body.GetProperty("rows").GetArrayLength() == 1);

        var notice = new RecallNotice
        {
            Source = "ansm",
            SourceId = "diu-cuivre-380",
            Kind = NoticeKind.DeviceFieldSafetyNotice,
            Title = "DIU Cuivre 380 : rappel de lots",
            AlertNumber = "R2619855",
            PublishedAt = Some.Today,
            RecallLevels = RecallLevels.Pharmacies | RecallLevels.Patients,
            Products = [new RecalledProduct(CodeScheme.UdiDi, DeviceDi, "DIU Cuivre 380", new LotSelector { Lots = [new LotEntry("LOT42")] })],
        };
        using var posted = await SendAsync(HttpMethod.Post, "/api/v1/notices", AdminKey, RecallNoticeJson.Serialize(notice));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        long recallId = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("notices")[0].GetProperty("recall_id").GetInt64();

        JsonElement answer = default;
        await EventuallyAsync(async () => (answer = (await QueryAsync($"recall-patients?recall_id={recallId}", PatientsKey)).Body).GetProperty("rows").GetArrayLength() == 1);

        var columns = answer.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var row = answer.GetProperty("rows")[0].EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToList();
        Assert.Equal(Ins, row[columns.IndexOf("ins")]);
        Assert.Equal(("Santoni", "Lucia", "(01)07612345678900(17)280229(10)LOT42(21)SN001"), (row[columns.IndexOf("family_name")], row[columns.IndexOf("given_names")], row[columns.IndexOf("udi")]));
        Assert.Equal(("Bloc 2, Clinique du Parc", "Dr Jean Martin (RPPS 10003456789)", "concerned"), (row[columns.IndexOf("place")], row[columns.IndexOf("prescriber")], row[columns.IndexOf("outcome")]));

        // Patient data needs a key given the patients scope on purpose: admin is not enough.
        Assert.Equal(HttpStatusCode.Forbidden, (await QueryAsync($"recall-patients?recall_id={recallId}", AdminKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await QueryAsync("", AdminKey, list: true)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await QueryAsync("no-such-query", PatientsKey)).Status);
        var bad = await QueryAsync("recall-patients?recall_id=abc", PatientsKey);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("whole number", bad.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = await QueryAsync("", PatientsKey, list: true);
        Assert.Contains("recall-patients", list.Body.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("name").GetString()));

        // The export for inspection, as CSV.
        using var csv = await SendAsync(HttpMethod.Get, "/api/v1/plugins/implant-register/queries/register?format=csv", PatientsKey);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        string[] lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Cancel)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("entry_id,event,handed_over_at,udi_di,udi,", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Bloc 2, Clinique du Parc\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(Ins, lines[1], StringComparison.Ordinal);

        // The hub's own database (scans and outbox) never held the patient in clear.
        SqliteConnection.ClearAllPools();
        foreach (string file in Directory.GetFiles(_root, "hub.db*"))
        {
            string bytes = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, Cancel));
            Assert.DoesNotContain(Ins, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("Santoni", bytes, StringComparison.Ordinal);
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> QueryAsync(string query, string key, bool list = false)
    {
        string path = list ? "/api/v1/plugins/implant-register/queries" : $"/api/v1/plugins/implant-register/queries/{query}";
        using var response = await SendAsync(HttpMethod.Get, path, key);
        string text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body switch
            {
                null => null,
                string text => new StringContent(text, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body),
            },
        };
        request.Headers.Add("X-Api-Key", key);
        return await _http!.SendAsync(request, Cancel);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (int i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, Cancel);
        }

        Assert.Fail("The condition did not come true within 15 s.");
    }
}
