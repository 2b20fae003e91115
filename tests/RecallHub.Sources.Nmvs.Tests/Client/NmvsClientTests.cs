using System.Text.Json;
using RecallHub.Sources.Nmvs.Client;
using RecallHub.Sources.Nmvs.Tests.Support;

namespace RecallHub.Sources.Nmvs.Tests.Client;

/// <summary>Every operation and state transition, against the simulator over real TLS with generated certificates.</summary>
public sealed class NmvsClientTests : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private NmvsLab _lab = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await NmvsLab.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _lab.DisposeAsync();
    }

    [Fact]
    public async Task VerifyAnActivePack_IsOkAndActive()
    {
        var result = await Client().VerifyAsync(Some.Pack("S1"), Cancel);

        Assert.Equal("NMVS_OK", result.ReturnCode);
        Assert.Equal("Active", result.PackState);
        Assert.Null(result.AlertId);
    }

    [Fact]
    public async Task Dispense_MakesThePackSupplied_AndASecondDispenseIsAlreadyDecommissionedHere()
    {
        var client = Client();

        var dispensed = await client.DispenseAsync(Some.Pack("S1"), Cancel);
        var again = await client.DispenseAsync(Some.Pack("S1"), Cancel);
        var verified = await client.VerifyAsync(Some.Pack("S1"), Cancel);

        Assert.Equal(("NMVS_OK", "Supplied"), (dispensed.ReturnCode, dispensed.PackState));
        Assert.Equal("NMVS_NC_PCK_22", again.ReturnCode);
        Assert.True(again.SameLocation);
        Assert.NotNull(again.AlertId);
        Assert.Equal(Some.Now, again.StateChangedAt);
        Assert.Equal(("NMVS_OK", "Supplied"), (verified.ReturnCode, verified.PackState));
    }

    [Fact]
    public async Task DispenseOfAPackAnotherPharmacyDispensed_IsAlreadyDecommissionedElsewhere()
    {
        await Client("pharmacie-b").DispenseAsync(Some.Pack("S2"), Cancel);

        var result = await Client("pharmacie-a").DispenseAsync(Some.Pack("S2"), Cancel);

        Assert.Equal("NMVS_NC_PCK_22", result.ReturnCode);
        Assert.False(result.SameLocation);
    }

    [Fact]
    public async Task UndoDispense_WithinTenDaysBySameLocation_MakesThePackActiveAgain()
    {
        var client = Client();
        await client.DispenseAsync(Some.Pack("S3"), Cancel);
        _lab.Clock.Advance(TimeSpan.FromDays(9));

        var undone = await client.UndoDispenseAsync(Some.Pack("S3"), Cancel);

        Assert.Equal(("NMVS_OK", "Active"), (undone.ReturnCode, undone.PackState));
        Assert.Equal("Active", _lab.Simulator.Packs.Find(Some.Amlodipine, "S3")!.State);
    }

    [Fact]
    public async Task UndoDispense_AfterTenDays_IsRefusedAndThePackStaysSupplied()
    {
        var client = Client();
        await client.DispenseAsync(Some.Pack("S3"), Cancel);
        _lab.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));

        var refused = await client.UndoDispenseAsync(Some.Pack("S3"), Cancel);

        Assert.Equal("NMVS_NC_PCK_05", refused.ReturnCode);
        Assert.Equal("Supplied", _lab.Simulator.Packs.Find(Some.Amlodipine, "S3")!.State);
    }

    [Fact]
    public async Task UndoDispense_ByAnotherLocation_IsRefused()
    {
        await Client("pharmacie-b").DispenseAsync(Some.Pack("S4"), Cancel);

        var refused = await Client("pharmacie-a").UndoDispenseAsync(Some.Pack("S4"), Cancel);

        Assert.Equal("NMVS_NC_PCK_21", refused.ReturnCode);
    }

    [Theory]
    [InlineData("S5", "NMVS_NC_PCK_04")] // active: nothing to undo
    [InlineData("STOLEN1", "NMVS_NC_PCK_06")] // not a dispense to undo
    public async Task UndoDispense_OfAPackThatWasNotDispensed_IsRefused(string serial, string code)
    {
        var result = await Client().UndoDispenseAsync(Some.Pack(serial), Cancel);

        Assert.Equal(code, result.ReturnCode);
    }

    [Theory]
    [InlineData("STOLEN1", "NMVS_NC_PCK_22", "Stolen")]
    [InlineData("DESTROYED1", "NMVS_NC_PCK_22", "Destroyed")]
    [InlineData("LOCKED1", "NMVS_NC_PCK_01", "Locked")]
    public async Task Dispense_OfAnInactivePack_IsRefusedWithItsState(string serial, string code, string state)
    {
        var result = await Client().DispenseAsync(Some.Pack(serial), Cancel);

        Assert.Equal((code, state), (result.ReturnCode, result.PackState));
    }

    [Fact]
    public async Task Verify_OfAStolenPack_GivesItsState()
    {
        var result = await Client().VerifyAsync(Some.Pack("STOLEN1"), Cancel);

        Assert.Equal(("NMVS_OK", "Stolen"), (result.ReturnCode, result.PackState));
    }

    [Fact]
    public async Task RecalledBatch_WithdrawnProduct_AndExpiredBatch_AnswerWithTheirCodes()
    {
        var client = Client();

        var recalled = await client.VerifyAsync(Some.Pack("R1P1", "R1", new DateOnly(2028, 6, 30)), Cancel);
        var withdrawn = await client.VerifyAsync(Some.Pack("W1P1", "W1", new DateOnly(2027, 12, 31), Some.Withdrawn), Cancel);
        var expired = await client.DispenseAsync(Some.Pack("OLD1", "OLD", new DateOnly(2026, 1, 31)), Cancel);

        Assert.Equal(("NMVS_FE_LOT_01", "Recalled"), (recalled.ReturnCode, recalled.BatchState));
        Assert.NotNull(recalled.AlertId);
        Assert.Equal(("NMVS_FE_LOT_08", "Withdrawn"), (withdrawn.ReturnCode, withdrawn.ProductState));
        Assert.Equal(("NMVS_NC_PCK_02", "Expired"), (expired.ReturnCode, expired.PackState));
    }

    [Fact]
    public async Task UnknownProduct_UnknownSerial_UnknownBatch_AndWrongExpiry_RaiseAlerts()
    {
        var client = Client();

        var product = await client.VerifyAsync(Some.Pack("S1", product: Some.Unknown), Cancel);
        var serial = await client.VerifyAsync(Some.Pack("NOPE"), Cancel);
        var batch = await client.VerifyAsync(Some.Pack("S1", "B999", Some.A53014Expiry), Cancel);
        var expiry = await client.VerifyAsync(Some.Pack("S1", "A53014", new DateOnly(2028, 3, 31)), Cancel);

        Assert.Equal("NMVS_NC_PC_01", product.ReturnCode);
        Assert.Equal("NMVS_NC_PC_02", serial.ReturnCode);
        Assert.Equal("NMVS_FE_LOT_03", batch.ReturnCode);
        Assert.Equal("NMVS_FE_LOT_06", expiry.ReturnCode);
        Assert.All([product, serial, batch, expiry], r => Assert.NotNull(r.AlertId));
    }

    [Fact]
    public async Task BulkOperations_AnswerEachPackInOrder()
    {
        var client = Client();
        NmvsPack[] packs = [Some.Pack("S1"), Some.Pack("STOLEN1"), Some.Pack("S2")];

        var verified = await client.VerifyBulkAsync(packs, Cancel);
        var dispensed = await client.DispenseBulkAsync(packs, Cancel);
        var undone = await client.UndoDispenseBulkAsync([Some.Pack("S1"), Some.Pack("S2")], Cancel);

        Assert.Equal(["Active", "Stolen", "Active"], verified.Select(r => r.PackState));
        Assert.Equal(["S1", "STOLEN1", "S2"], verified.Select(r => r.Pack.SerialNumber));
        Assert.Equal(["NMVS_OK", "NMVS_NC_PCK_22", "NMVS_OK"], dispensed.Select(r => r.ReturnCode));
        Assert.Equal(["Active", "Active"], undone.Select(r => r.PackState));
    }

    [Fact]
    public async Task AClientCertificateFromAnotherCa_IsRefused()
    {
        var client = Client("stranger");

        var refused = await Assert.ThrowsAsync<NmvsUnavailableException>(() => client.VerifyAsync(Some.Pack("S1"), Cancel));

        Assert.Contains("could not be reached", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _lab.Simulator.Packs.Requests);
    }

    [Fact]
    public async Task AServerThatDoesNotChainToTheConfiguredCa_IsRefused()
    {
        string otherCa = Path.Combine(Path.GetDirectoryName(_lab.CaPath)!, "other-ca.crt");
        using var other = RecallHub.Nmvs.Simulation.SimulatorCertificates.CreateCa("Not the simulator's CA", TimeProvider.System.GetUtcNow());
        await File.WriteAllTextAsync(otherCa, other.ExportCertificatePem(), Cancel);
        var settings = JsonSerializer.Deserialize<Dictionary<string, object>>(_lab.Settings())!;
        settings["server_ca"] = otherCa;
        var client = ClientWith(JsonSerializer.Serialize(settings));

        await Assert.ThrowsAsync<NmvsUnavailableException>(() => client.VerifyAsync(Some.Pack("S1"), Cancel));
        Assert.Equal(0, _lab.Simulator.Packs.Requests);
    }

    private NmvsClient Client(string location = "pharmacie-a") =>
        ClientWith(_lab.Settings(location));

    private NmvsClient ClientWith(string settingsJson)
    {
        using var context = _lab.Context(settingsJson);
        var settings = NmvsSettings.Read(context.Settings);
        var http = NmvsConnection.Create(settings);
        _clients.Add(http);
        return new NmvsClient(http, settings.Endpoint, settings.UserId, settings.Password);
    }
}
