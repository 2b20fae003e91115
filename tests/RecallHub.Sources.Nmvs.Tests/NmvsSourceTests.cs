using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using RecallHub.Sources.Nmvs.Queue;
using RecallHub.Sources.Nmvs.Tests.Support;
using Some = RecallHub.Sources.Nmvs.Tests.Support.Some;

namespace RecallHub.Sources.Nmvs.Tests;

public sealed class NmvsSourceTests : IAsyncLifetime
{
    private readonly List<NmvsSource> _sources = [];
    private readonly List<TestSourceContext> _contexts = [];
    private NmvsLab _lab = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await NmvsLab.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }

        foreach (var context in _contexts)
        {
            // The plugin builds its own HTTP client: it needs a client certificate.
            Assert.Equal(0, context.HttpClientsCreated);
            context.Dispose();
        }

        await _lab.DisposeAsync();
    }

    [Fact]
    public async Task AnActivePack_IsVerified_AndNothingIsPublishedOrLeftQueued()
    {
        var (source, context) = await StartAsync();

        var answers = await source.VerifyAsync([Some.Scan(1, "S1")], Cancel);

        var answer = Assert.Single(answers);
        Assert.Equal((1L, PackVerificationStatus.Verified, "NMVS_OK"), (answer.ScanId, answer.Status, answer.Code));
        Assert.Empty(context.Published);
        Assert.Equal(0, await new VerificationQueue(context.State).CountAsync(Cancel));
    }

    [Fact]
    public async Task ABatchRecalledAnswer_PublishesAVerificationAlertThatBlocksTheWholeBatch()
    {
        var (source, context) = await StartAsync();

        var answers = await source.VerifyAsync([Some.Scan(7, "R1P1", batch: "R1")], Cancel);

        var answer = Assert.Single(answers);
        Assert.Equal((PackVerificationStatus.Alert, "NMVS_FE_LOT_01"), (answer.Status, answer.Code));
        Assert.StartsWith("Le lot R1 de cette boîte a été rappelé", answer.Message, StringComparison.Ordinal);
        Assert.NotNull(answer.AlertId);
        var notice = Assert.Single(context.Published);
        Assert.Equal(("nmvs", NoticeKind.VerificationAlert, $"batch:{Some.Amlodipine}:R1"), (notice.Source, notice.Kind, notice.SourceId));
        var product = Assert.Single(notice.Products);
        Assert.Equal((CodeScheme.Gtin, Some.Amlodipine), (product.CodeScheme, product.Code));
        Assert.Equal("R1", Assert.Single(product.Selector.Lots).Lot);
        Assert.Empty(product.Selector.Serials);
        Assert.Contains("FE_LOT_01", notice.RawPayload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnProduct_PublishesAVerificationAlertForEveryLot()
    {
        var (source, context) = await StartAsync();

        var answer = Assert.Single(await source.VerifyAsync([Some.Scan(1, "W1P1", batch: "W1", product: Some.Withdrawn)], Cancel));

        Assert.Equal(PackVerificationStatus.Alert, answer.Status);
        Assert.True(Assert.Single(Assert.Single(context.Published).Products).Selector.AllLots);
    }

    [Fact]
    public async Task APackAnotherPharmacyDispensed_IsAFalsificationSuspicionBlockingThatBoxOnly()
    {
        var (pharmacyB, _) = await StartAsync("pharmacie-b", new { dispense_on_dispensation = true });
        await pharmacyB.VerifyAsync([Some.Scan(1, "S2", PackScanEvent.Dispensation)], Cancel);
        var (source, context) = await StartAsync();

        var answer = Assert.Single(await source.VerifyAsync([Some.Scan(2, "S2")], Cancel));

        Assert.Equal((PackVerificationStatus.Alert, "Supplied"), (answer.Status, answer.PackState));
        Assert.StartsWith("Cette boîte a déjà été délivrée par une autre pharmacie le 30/11/2026 à 10:00", answer.Message, StringComparison.Ordinal);
        Assert.Contains("ne pas la délivrer", answer.Action, StringComparison.OrdinalIgnoreCase);
        var notice = Assert.Single(context.Published);
        Assert.StartsWith("ALERTE FALSIFICATION", notice.Title, StringComparison.Ordinal);
        Assert.Equal(new SerialRange("S2", "S2"), Assert.Single(Assert.Single(notice.Products).Selector.Serials));
    }

    [Theory]
    [InlineData("STOLEN1", "A53014", "déclarée volée")]
    [InlineData("NOPE", "A53014", "numéro de série NOPE de cette boîte est inconnu")]
    [InlineData("S1", "B999", "ne connaît pas le lot B999")]
    [InlineData("OLD1", "OLD", "périmée")]
    public async Task EveryOtherAlert_IsPublishedForTheBoxWithItsFrenchSentence(string serial, string batch, string sentence)
    {
        var (source, context) = await StartAsync();

        var scan = Some.Scan(1, serial, batch: batch) with { Expiry = batch == "OLD" ? new DateOnly(2026, 1, 31) : batch == "A53014" ? Some.A53014Expiry : null };
        var answer = Assert.Single(await source.VerifyAsync([scan], Cancel));

        Assert.Equal(PackVerificationStatus.Alert, answer.Status);
        Assert.Contains(sentence, answer.Message, StringComparison.Ordinal);
        Assert.Equal(serial, Assert.Single(Assert.Single(Assert.Single(context.Published).Products).Selector.Serials).First);
    }

    [Fact]
    public async Task DispensationAndReturnScans_DispenseAndUndoWhenTheSettingSaysSo()
    {
        var (source, context) = await StartAsync(extra: new { dispense_on_dispensation = true });

        var dispensed = Assert.Single(await source.VerifyAsync([Some.Scan(1, "S3", PackScanEvent.Dispensation)], Cancel));
        var returned = Assert.Single(await source.VerifyAsync([Some.Scan(2, "S3", PackScanEvent.Return)], Cancel));

        Assert.Equal(PackVerificationStatus.Verified, dispensed.Status);
        Assert.StartsWith("Délivrance enregistrée", dispensed.Message, StringComparison.Ordinal);
        Assert.Equal(PackVerificationStatus.Verified, returned.Status);
        Assert.Equal("Active", _lab.Simulator.Packs.Find(Some.Amlodipine, "S3")!.State);
        Assert.Empty(context.Published); // a dispense that went through is not an alert
    }

    [Fact]
    public async Task DispensationScans_AreLeftToThePharmacySoftwareByDefault_AndDestructionsAreNotAsked()
    {
        var (source, _) = await StartAsync();

        var answers = await source.VerifyAsync([Some.Scan(1, "S1", PackScanEvent.Dispensation), Some.Scan(2, "S2", PackScanEvent.Destruction)], Cancel);

        Assert.Empty(answers);
        Assert.Equal(0, _lab.Simulator.Packs.Requests);
    }

    [Fact]
    public async Task SeveralPacks_GoInOneBulkRequest()
    {
        var (source, context) = await StartAsync();

        var answers = await source.VerifyAsync([Some.Scan(1, "S1"), Some.Scan(2, "STOLEN1"), Some.Scan(3, "R1P2", batch: "R1")], Cancel);

        Assert.Equal([PackVerificationStatus.Verified, PackVerificationStatus.Alert, PackVerificationStatus.Alert], answers.OrderBy(a => a.ScanId).Select(a => a.Status));
        Assert.Equal(1, _lab.Simulator.Packs.Requests);
        Assert.Equal(2, context.Published.Count);
    }

    [Fact]
    public async Task AnUnreachableNmvs_QueuesThePack_AnswersPending_AndRetriesWithBackoffUntilItAnswers()
    {
        int port = _lab.Simulator.Endpoint.Port;
        await _lab.StopSimulatorAsync();
        var (source, context) = await StartAsync();
        var queue = new VerificationQueue(context.State);

        var pack = Some.Scan(9, "R1P1", batch: "R1");
        var first = Assert.Single(await source.VerifyAsync([pack], Cancel));

        Assert.Equal(PackVerificationStatus.Pending, first.Status);
        Assert.True(source.IsPending(pack.Gtin, "R1P1")); // what the counter's check asks, from memory
        Assert.StartsWith("Vérification NMVS en attente", first.Message, StringComparison.Ordinal);
        Assert.Equal(1, await queue.CountAsync(Cancel));
        var state = await queue.ReadStateAsync(Cancel);
        Assert.Equal((1, Some.Now + TimeSpan.FromSeconds(30)), (state.Attempts, state.NextAttemptAt));

        // Before the backoff has passed, nothing is asked; a second failure doubles the pause.
        _lab.Clock.Advance(TimeSpan.FromSeconds(10));
        await source.FetchAsync("cp", Cancel);
        Assert.Equal(1, (await queue.ReadStateAsync(Cancel)).Attempts);
        _lab.Clock.Advance(TimeSpan.FromSeconds(20));
        await source.FetchAsync("cp", Cancel);
        state = await queue.ReadStateAsync(Cancel);
        Assert.Equal((2, _lab.Clock.GetUtcNow() + TimeSpan.FromSeconds(60)), (state.Attempts, state.NextAttemptAt));

        // While backing off, a new scan is queued and answered pending at once, without waiting for a timeout.
        var second = Assert.Single(await source.VerifyAsync([Some.Scan(10, "S1")], Cancel));
        Assert.Equal(PackVerificationStatus.Pending, second.Status);
        Assert.Equal(2, await queue.CountAsync(Cancel));

        await _lab.StartSimulatorAsync(port);
        _lab.Clock.Advance(TimeSpan.FromSeconds(60));
        var fetched = await source.FetchAsync("cp", Cancel);

        Assert.Equal("cp", fetched.Checkpoint);
        Assert.Empty(fetched.Notices);
        Assert.Equal(0, await queue.CountAsync(Cancel));
        Assert.Equal(0, (await queue.ReadStateAsync(Cancel)).Attempts);
        Assert.False(source.IsPending(pack.Gtin, "R1P1"));
        Assert.Equal($"batch:{Some.Amlodipine}:R1", Assert.Single(context.Published).SourceId);
    }

    [Fact]
    public async Task TheQueue_SurvivesARestartOfThePlugin()
    {
        int port = _lab.Simulator.Endpoint.Port;
        await _lab.StopSimulatorAsync();
        var (before, context) = await StartAsync();
        await before.VerifyAsync([Some.Scan(9, "STOLEN1")], Cancel);
        await before.DisposeAsync();

        await _lab.StartSimulatorAsync(port);
        var (after, restarted) = await StartAsync(state: context.State);
        bool pendingAfterRestart = after.IsPending(Some.Scan(9, "STOLEN1").Gtin, "STOLEN1");
        _lab.Clock.Advance(TimeSpan.FromMinutes(1));
        await after.FetchAsync(null, Cancel);

        Assert.True(pendingAfterRestart);
        Assert.False(after.IsPending(Some.Scan(9, "STOLEN1").Gtin, "STOLEN1"));
        Assert.Contains("STOLEN1", Assert.Single(restarted.Published).SourceId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ReadsASavedAnswerIntoTheNoticesItsAlertsLeadTo()
    {
        var (source, context) = await StartAsync();
        await source.VerifyAsync([Some.Scan(7, "R1P1", batch: "R1")], Cancel);
        string saved = Assert.Single(context.Published).RawPayload!;

        var notices = new NmvsSource().Parse(new SourcePayload(saved, "text/xml"));

        Assert.Equal($"batch:{Some.Amlodipine}:R1", Assert.Single(notices).SourceId);
    }

    [Fact]
    public void TheManifest_IsAValidSourceOfContract11()
    {
        var manifest = PluginManifest.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")), "plugin.json");

        Assert.Equal(("nmvs", PluginKind.Source, "RecallHub.Sources.Nmvs.dll"), (manifest.Id, manifest.Kind, manifest.Assembly));
        Assert.True(PluginContract.IsCompatible(manifest.ContractVersion));
        Assert.Equal("1.1", manifest.ContractVersion); // IPackVerifier is 1.1
    }

    [Fact]
    public async Task DirectModeWithoutACertificate_IsASettingsError()
    {
        using var context = _lab.Context($$"""{ "endpoint": "{{_lab.Simulator.Endpoint}}" }""");

        var error = await Assert.ThrowsAsync<PluginConfigurationException>(async () => await new NmvsSource().StartAsync(context, Cancel));

        Assert.Contains("certificate", error.Message, StringComparison.Ordinal);
    }

    private async Task<(NmvsSource Source, TestSourceContext Context)> StartAsync(string location = "pharmacie-a", object? extra = null, InMemoryPluginState? state = null)
    {
        var context = _lab.Context(_lab.Settings(location, extra), state);
        _contexts.Add(context);
        var source = new NmvsSource();
        await source.StartAsync(context, Cancel);
        _sources.Add(source);
        return (source, context);
    }
}
