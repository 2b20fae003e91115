using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Patients;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Web.Api.Scans;

/// <summary>A scan that names the patient: sealed by the host at once, refused when the hub has no patient key.</summary>
public sealed class ScanPatientTests
{
    private const string Ins = "184127645108946";

    private static readonly string Key = Convert.ToBase64String([.. Enumerable.Range(7, 32).Select(i => (byte)i)]);

    private static object Implantation(string @event = "implantation", string ins = Ins) => new
    {
        scans = new object[]
        {
            new
            {
                code = Some.DataMatrix(serial: "IUD1"), @event,
                patient = new { ins, family_name = "Dupont", given_names = "Marie Claire", birth_date = "1984-12-03" },
                prescriber = new { name = "Dr Jean Martin", rpps = "10003456789" },
                place = "Bloc 2, Clinique du Parc",
            },
        },
    };

    [Fact]
    public async Task A_patient_without_the_hub_s_patient_key_is_refused_and_nothing_is_stored()
    {
        await using var hub = await HubApi.StartAsync();

        var response = await hub.PostAsync("/api/v1/scans", Implantation(), HubApi.ScanKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("cannot store a patient identity without Hub:PatientIdentityKey", response.Error("$.scans[0].patient"), StringComparison.Ordinal);
        Assert.Equal(0, await hub.ReadStoreAsync(s => s.Scans.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("reception", Ins, "$.scans[0].patient", "Only an implantation or a dispensation")]
    [InlineData("implantation", "184127645108947", "$.scans[0].patient.ins", "key")]
    public async Task A_patient_on_the_wrong_event_or_with_a_wrong_INS_is_refused_naming_the_item(string @event, string ins, string path, string expected)
    {
        await using var hub = await HubApi.StartAsync(new Dictionary<string, string?> { ["Hub:PatientIdentityKey"] = Key });

        var response = await hub.PostAsync("/api/v1/scans", Implantation(@event, ins), HubApi.ScanKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(expected, response.Error(path), StringComparison.Ordinal);
        Assert.DoesNotContain(Ins[..13], response.Text, StringComparison.Ordinal);
        Assert.Equal(0, await hub.ReadStoreAsync(s => s.Scans.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task With_the_key_the_patient_is_stored_sealed_and_the_database_file_holds_no_plaintext()
    {
        string folder;
        await using (var hub = await HubApi.StartAsync(new Dictionary<string, string?> { ["Hub:PatientIdentityKey"] = Key }))
        {
            var response = await hub.PostAsync("/api/v1/scans", Implantation(), HubApi.ScanKey);

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal(1, response.Body.GetProperty("stored").GetInt32());
            var scan = (await hub.ReadStoreAsync(s => s.Scans.FindBySerialAsync(Core.Matching.ProductKey.Of(Abstractions.Notices.CodeScheme.Cip13, Some.Cip13)!, "IUD1", TestContext.Current.CancellationToken)))[0].Scan;
            Assert.StartsWith("v1.", scan.SealedPatient, StringComparison.Ordinal);
            Assert.Equal(("Dr Jean Martin (RPPS 10003456789)", "Bloc 2, Clinique du Parc"), (scan.Prescriber, scan.Place));
            var opened = PatientIdentitySeal.FromBase64(Key).Open(scan.SealedPatient!, Some.DataMatrix(serial: "IUD1"));
            Assert.Equal(new PatientIdentity(Ins, "Dupont", "Marie Claire", new DateOnly(1984, 12, 3)), opened);

            folder = Path.GetDirectoryName(hub.Store.Database.Path)!;
            SqliteConnection.ClearAllPools();
            foreach (string file in Directory.GetFiles(folder))
            {
                string bytes = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
                Assert.DoesNotContain(Ins, bytes, StringComparison.Ordinal);
                Assert.DoesNotContain("Dupont", bytes, StringComparison.Ordinal);
            }
        }
    }
}
