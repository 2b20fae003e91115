using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using Some = RecallHub.Sinks.ImplantRegister.Tests.Support.Some;

namespace RecallHub.Sinks.ImplantRegister.Tests;

public sealed class ImplantRegisterSinkTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-register-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = Some.Clock();
    private readonly List<ImplantRegisterSink> _sinks = [];
    private readonly List<TestPluginContext> _contexts = [];
    private TestPluginContext? _context;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_folder, "register.db");

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync();
        }

        foreach (var context in _contexts)
        {
            // The register keeps its own database and makes no HTTP request.
            Assert.Empty(context.State.Values);
            Assert.Equal(0, context.HttpClientsCreated);
            context.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_handover_is_recorded_with_the_patient_encrypted_and_the_file_holds_neither_the_INS_nor_the_names()
    {
        var sink = await StartAsync();

        await sink.DeliverAsync([Some.Handover(patient: Some.Patient())], Token);
        var answer = await sink.QueryAsync("lot-patients", new Dictionary<string, string> { ["udi_di"] = "7612345678900", ["lot"] = "lot 42" }, "pharmacist", Token);

        var row = Row(Assert.Single(answer.Rows), answer);
        Assert.Equal((Some.Ins, "Dupont", "Marie Claire", "1984-12-03"), (row["ins"], row["family_name"], row["given_names"], row["birth_date"]));
        Assert.Equal(("(01)07612345678900(17)280229(10)LOT42(21)SN001", "DIU Cuivre 380", "Laboratoire CCD", "LOT42", "SN001"), (row["udi"], row["device_name"], row["manufacturer"], row["lot"], row["serial"]));
        Assert.Equal(("implantation", "Bloc 2, Clinique du Parc", "Dr Jean Martin (RPPS 10003456789)", "IBODE Durand"), (row["event"], row["place"], row["prescriber"], row["operator"]));
        SqliteConnection.ClearAllPools();
        foreach (string file in Directory.GetFiles(_folder))
        {
            string bytes = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, Token));
            Assert.DoesNotContain(Some.Ins, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("Dupont", bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("Marie", bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes("Dupont")), Convert.ToHexString(await File.ReadAllBytesAsync(file, Token)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Products_not_listed_as_implantable_are_not_recorded_and_a_repeated_delivery_records_once()
    {
        var sink = await StartAsync();
        var handover = Some.Handover();

        await sink.DeliverAsync([handover, Some.Handover(di: "03400930270387", serial: "BOX")], Token);
        await sink.DeliverAsync([handover], Token);

        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM entries"));
    }

    [Fact]
    public async Task Another_patient_key_is_refused_at_start_with_a_clear_error()
    {
        await StartAsync();

        var error = await Assert.ThrowsAsync<PluginConfigurationException>(() => StartAsync(key: Convert.ToBase64String(new byte[32])).AsTask());

        Assert.Contains("the patient key does not open this register", error.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handover_sealed_with_another_key_fails_the_delivery_naming_the_event()
    {
        var sink = await StartAsync();
        var handover = Some.Handover(key: new byte[32]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sink.DeliverAsync([handover], Token).AsTask());

        Assert.Contains(handover.Id, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Some.Ins, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM entries"));
    }

    [Fact]
    public async Task A_seal_that_no_longer_opens_is_a_clear_error_naming_the_entry_and_nothing_is_answered()
    {
        var sink = await StartAsync();
        await sink.DeliverAsync([Some.Handover()], Token);
        // The seal is moved onto another entry's code: AES-GCM's associated data refuses it.
        Execute("UPDATE entries SET raw_code = raw_code || 'X'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sink.QueryAsync("lot-patients", new Dictionary<string, string> { ["udi_di"] = Some.IudDi, ["lot"] = "LOT42" }, "pharmacist", Token).AsTask());

        Assert.Contains("Register entry 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM audit"));
    }

    [Fact]
    public async Task A_recall_of_a_registered_lot_lists_the_patients_to_contact_and_warns_without_naming_them()
    {
        var sink = await StartAsync();
        await sink.DeliverAsync(
        [
            Some.Handover(lot: "LOT42", serial: "A1", patient: Some.Patient(Some.Ins)),
            Some.Handover(lot: "LOT42", serial: "A2", patient: Some.Patient(Some.OtherIns)),
            Some.Handover(lot: "LOT43", serial: "A3", patient: Some.Patient(Some.Ins)),
        ], Token);

        await sink.DeliverAsync([Some.Recall(7, Some.Lots("lot42"))], Token);
        var answer = await sink.QueryAsync("recall-patients", new Dictionary<string, string> { ["recall_id"] = "7" }, "pharmacist", Token);

        Assert.Equal([Some.Ins, Some.OtherIns], answer.Rows.Select(r => Row(r, answer)["ins"]));
        Assert.All(answer.Rows, r => Assert.Equal("concerned", Row(r, answer)["outcome"]));
        string warning = Assert.Single(_context!.Log.At(PluginLogLevel.Warning));
        Assert.Contains("recall 7: 2 patients to contact", warning, StringComparison.Ordinal);
        Assert.All(_context.Log.Entries, l => Assert.DoesNotContain("Dupont", l.ToString(), StringComparison.Ordinal));
        Assert.All(_context.Log.Entries, l => Assert.DoesNotContain(Some.Ins, l.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revision_replaces_the_matches_and_a_device_handed_over_after_the_recall_is_reached_at_once()
    {
        var sink = await StartAsync();
        await sink.DeliverAsync([Some.Handover(lot: "LOT42", serial: "A1"), Some.Recall(7, Some.Lots("LOT42"))], Token);

        await sink.DeliverAsync([Some.Recall(7, Some.Lots("LOT43"), type: HubEventType.RecallRevised), Some.Handover(lot: "LOT43", serial: "B1", patient: Some.Patient(Some.OtherIns))], Token);
        var answer = await sink.QueryAsync("recall-patients", new Dictionary<string, string> { ["recall_id"] = "7" }, "pharmacist", Token);

        Assert.Equal([Some.OtherIns], answer.Rows.Select(r => Row(r, answer)["ins"]));
    }

    [Fact]
    public async Task A_patient_s_devices_are_found_by_INS_and_the_audit_keeps_only_its_hash()
    {
        var sink = await StartAsync();
        await sink.DeliverAsync(
        [
            Some.Handover(lot: "LOT42", serial: "A1", patient: Some.Patient(Some.Ins)),
            Some.Handover(di: Some.SealantDi, lot: "S9", serial: "C1", patient: Some.Patient(Some.Ins)),
            Some.Handover(lot: "LOT42", serial: "A2", patient: Some.Patient(Some.OtherIns)),
        ], Token);

        var answer = await sink.QueryAsync("patient-devices", new Dictionary<string, string> { ["ins"] = "1 84 12 76 451 089 46" }, "dr-martin", Token);

        Assert.Equal(["A1", "C1"], answer.Rows.Select(r => Row(r, answer)["serial"]));
        var audit = Assert.Single(Query<(string Who, string Query, string Parameters, string EntryIds)>("SELECT who, query, parameters, entry_ids FROM audit"));
        Assert.Equal(("dr-martin", "patient-devices", "1,2"), (audit.Who, audit.Query, audit.EntryIds));
        Assert.Contains("ins_hash", audit.Parameters, StringComparison.Ordinal);
        Assert.DoesNotContain(Some.Ins, audit.Parameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_query_that_returns_identities_writes_an_audit_row_before_answering()
    {
        var sink = await StartAsync();
        await sink.DeliverAsync([Some.Handover(), Some.Recall(3, LotSelector.All)], Token);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await sink.QueryAsync("recall-patients", new Dictionary<string, string> { ["recall_id"] = "3" }, "a", Token);
        await sink.QueryAsync("lot-patients", new Dictionary<string, string> { ["udi_di"] = Some.IudDi, ["lot"] = "LOT42" }, "b", Token);
        await sink.QueryAsync("patient-devices", new Dictionary<string, string> { ["ins"] = Some.Ins }, "c", Token);
        await sink.QueryAsync("register", new Dictionary<string, string> { ["from"] = "2026-11-01", ["to"] = "2026-11-22" }, "d", Token);
        var empty = await sink.QueryAsync("register", new Dictionary<string, string> { ["from"] = "2026-11-23" }, "e", Token);

        Assert.Empty(empty.Rows);
        var rows = Query<(string At, string Who, string Query, long Rows)>("SELECT at, who, query, rows FROM audit WHERE action = 'query' ORDER BY id");
        Assert.Equal(["a recall-patients 1", "b lot-patients 1", "c patient-devices 1", "d register 1", "e register 0"], rows.Select(r => $"{r.Who} {r.Query} {r.Rows}"));
        Assert.All(rows, r => Assert.Equal("2026-11-22T09:35:00.0000000Z", r.At));
    }

    [Theory]
    [InlineData("recall-patients", "recall_id", "abc", "whole number")]
    [InlineData("recall-patients", "lot", "x", "takes no parameter 'lot'")]
    [InlineData("patient-devices", "ins", "184127645108947", "key")]
    [InlineData("register", "from", "22/11/2026", "YYYY-MM-DD")]
    public async Task Wrong_parameters_are_refused_with_what_is_wrong(string query, string name, string value, string expected)
    {
        var sink = await StartAsync();

        var error = await Assert.ThrowsAsync<PluginQueryException>(() => sink.QueryAsync(query, new Dictionary<string, string> { [name] = value }, "a", Token).AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM audit"));
    }

    [Theory]
    [InlineData(Some.IudDi, 10)]
    [InlineData(Some.SealantDi, 40)]
    public async Task Retention_keeps_an_entry_until_its_years_are_over_and_never_deletes_earlier(string di, int years)
    {
        var sink = await StartAsync();
        await sink.DeliverAsync([Some.Handover(di: di)], Token);

        _clock.SetUtcNow(Some.Today.AddYears(years).AddDays(-1));
        await sink.DeliverAsync([], Token);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM entries"));
        _clock.SetUtcNow(Some.Today.AddYears(years));
        await sink.DeliverAsync([], Token);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM entries"));

        _clock.SetUtcNow(Some.Today.AddYears(years).AddDays(1));
        await sink.DeliverAsync([], Token);

        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM entries"));
        var purge = Assert.Single(Query<(string Who, string EntryIds)>("SELECT who, entry_ids FROM audit WHERE action = 'purge'"));
        Assert.Equal(("retention", "1"), purge);
    }

    [Fact]
    public async Task The_purge_also_runs_at_start()
    {
        var sink = await StartAsync();
        await sink.DeliverAsync([Some.Handover()], Token);
        _clock.SetUtcNow(Some.Today.AddYears(11));

        await StartAsync();

        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM entries"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM audit WHERE action = 'purge'"));
    }

    [Fact]
    public async Task Bad_settings_are_refused_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<PluginConfigurationException>(() => StartAsync(implantable: """[{ "udi_di": "07612345678900", "device_name": "x" }]""").AsTask());
        Assert.Contains("implantable[0].manufacturer", error.Message, StringComparison.Ordinal);

        var key = await Assert.ThrowsAsync<PluginConfigurationException>(() => StartAsync(key: "c2hvcnQ=").AsTask());
        Assert.Contains("patient_key", key.Message, StringComparison.Ordinal);
    }

    private async ValueTask<ImplantRegisterSink> StartAsync(string? key = null, string? implantable = null)
    {
        implantable ??= $$"""
            [
              { "udi_di": "{{Some.IudDi}}", "device_name": "DIU Cuivre 380", "manufacturer": "Laboratoire CCD" },
              { "udi_di": "{{Some.SealantDi}}", "device_name": "Colle de fibrine", "manufacturer": "BioColle", "blood_derived": true }
            ]
            """;
        string settings = $$"""{ "database": {{System.Text.Json.JsonSerializer.Serialize(DatabasePath)}}, "patient_key": "env:PATIENT_KEY", "implantable": {{implantable}} }""";
        _context = new TestPluginContext("implant-register", _clock).WithSettings(settings).WithSecret("PATIENT_KEY", key ?? Some.KeyBase64);
        _contexts.Add(_context);
        var sink = new ImplantRegisterSink();
        _sinks.Add(sink);
        await sink.StartAsync(_context, Token);
        return sink;
    }

    private static Dictionary<string, string?> Row(IReadOnlyList<string?> row, PluginQueryResult result) =>
        result.Columns.Select((c, i) => (c, row[i])).ToDictionary(p => p.c, p => p.Item2);

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        return connection.ExecuteScalar<long>(sql);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        connection.Execute(sql);
    }

    private List<T> Query<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        return [.. connection.Query<T>(sql)];
    }
}
