using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

public sealed class CheckCommandTests : IDisposable
{
    private const string RecalledPack = @"]d2010340093027038717280229" + @"10A53014\x1d217GH29KXW41Q";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));

    public CheckCommandTests() => Directory.CreateDirectory(_folder);

    private string Database => Path.Combine(_folder, "hub.db");

    private async Task IngestRecall()
    {
        string file = Path.Combine(_folder, "recall.json");
        await File.WriteAllTextAsync(file, """
            { "source": "ansm", "source_id": "amlodipine", "kind": "lot_recall", "published_at": "2026-11-20T08:00:00+01:00",
              "title": "Amlodipine Biogaran 5 mg", "alert_number": "MED26/A019/B018", "actions": ["Retourner au laboratoire"],
              "products": [{ "code_scheme": "cip13", "code": "3400930270387", "label": null, "selector": { "lots": [{ "lot": "a53 014" }] } }] }
            """, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await CommandLineRun.Of(["ingest", file, "--database", Database])).ExitCode);
    }

    private Task<CommandLineRun> Check(string code) => CommandLineRun.Of(["check", code, "--database", Database]);

    [Fact]
    public async Task RecalledLot_IsBlockedWithTheRecallAndWhatToDo()
    {
        await IngestRecall();

        var run = await Check(RecalledPack);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("BLOCK", run.OutputLines[0]);
        Assert.Equal("Ne pas délivrer : cette boîte fait l'objet du rappel « Amlodipine Biogaran 5 mg » (MED26/A019/B018).", run.OutputLines[1]);
        Assert.Contains("quarantaine", run.OutputLines[2], StringComparison.Ordinal);
        Assert.Contains("recall 1: Amlodipine Biogaran 5 mg [MED26/A019/B018] — Concerned", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherLotOfTheProduct_IsAllowed()
    {
        await IngestRecall();

        var run = await Check(RecalledPack.Replace("A53014", "B00001", StringComparison.Ordinal));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("ALLOW", run.OutputLines[0]);
    }

    [Fact]
    public async Task PlainEan13WithoutLot_IsBlockedUntilCheckedByHand()
    {
        await IngestRecall();

        var run = await Check("3400930270387");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("BLOCK (à vérifier)", run.OutputLines[0]);
        Assert.Contains("le code scanné ne donne pas le lot", run.OutputLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductWithoutRecall_IsAllowedNotAnError()
    {
        await IngestRecall();

        var run = await Check("3400937944892");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Aucun rappel en cours ne concerne cette boîte.", run.OutputLines[1]);
    }

    [Fact]
    public async Task CodeWithoutProduct_IsRefusedWithItsErrors()
    {
        var run = await Check("21SERIALONLY");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("identifies no product", run.Error, StringComparison.Ordinal);
        Assert.Contains("GS1_MISSING_ASSOCIATION", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
