using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using RecallHub.Sinks.Lgo.Tests.Support;
using Some = RecallHub.Sinks.Lgo.Tests.Support.Some;

namespace RecallHub.Sinks.Lgo.Tests.FileDrop;

public sealed class BlockedCodesFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestPluginContext _context;

    public BlockedCodesFolderTests() => _context = Context();

    public void Dispose()
    {
        _context.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task BlockingTwoPacksThenUnblockingOne_LeavesExactlyTheOtherInBothFiles()
    {
        await using var run = await LgoTest.StartAsync(_context);
        var first = Some.Blocked(1, lot: "A53014");
        var second = Some.Blocked(2, lot: "B12345", serial: "SN42");

        await run.DeliverOkAsync(Some.RecallReceived(recallId: 1), first, second);
        await run.DeliverOkAsync(Some.Unblocked(1, lot: "A53014"));

        var rows = Csv();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2", "03400930270387", "3400930270387", "B12345", "SN42", "2028-02-29", "1", "MED26/A019/B018", "Amlodipine Biogaran 5 mg"], rows[1][..9]);
        Assert.Equal(second.Message, rows[1][10]);
        var json = Json();
        Assert.Equal(1, json.GetProperty("count").GetInt32());
        var pack = Assert.Single(json.GetProperty("blocked_packs").EnumerateArray());
        Assert.Equal((2L, "B12345", "SN42", second.Id), (pack.GetProperty("block_id").GetInt64(), pack.GetProperty("lot").GetString(), pack.GetProperty("serial").GetString(), pack.GetProperty("event_id").GetString()));
        Assert.Equal("Amlodipine Biogaran 5 mg", pack.GetProperty("recall_title").GetString());
    }

    [Fact]
    public async Task TheFiles_ExistEmptyFromTheStart()
    {
        await using var run = await LgoTest.StartAsync(_context);

        Assert.Single(Csv());
        Assert.Equal(0, Json().GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ARedeliveredEvent_IsAppliedOnce()
    {
        await using var run = await LgoTest.StartAsync(_context);
        var blocked = Some.Blocked(1);
        var unblocked = Some.Unblocked(1);

        await run.DeliverOkAsync(blocked, unblocked);
        // A redelivery of the block alone (the hub retries what it could not mark delivered) must not revive it.
        await run.DeliverOkAsync(blocked);

        Assert.Single(Csv());
    }

    [Fact]
    public async Task TheSet_SurvivesANewPluginInstance_AndTheFilesAreRewrittenAtStart()
    {
        await using var run = await LgoTest.StartAsync(_context);
        await run.DeliverOkAsync(Some.RecallReceived(recallId: 1), Some.Blocked(1), Some.Blocked(2));
        File.Delete(Path.Combine(_folder.Path, "blocked-packs.csv"));

        using var restarted = LgoTest.Restarted(_context);
        await using var again = await LgoTest.StartAsync(restarted);
        Assert.Equal(3, Csv().Count);

        // A block from a later scan still names the recall heard of before the restart.
        await again.DeliverOkAsync(Some.Unblocked(1), Some.Blocked(3, lot: "C1"));
        var rows = Csv();
        Assert.Equal(["2", "3"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("MED26/A019/B018", rows[2][7]);
    }

    [Fact]
    public async Task ManyBlocks_AreKeptAcrossSeveralStatePages()
    {
        await using var run = await LgoTest.StartAsync(_context);
        string longMessage = new('é', 900);

        await run.DeliverOkAsync([.. Enumerable.Range(1, 300).Select(i => Some.Blocked(i, lot: $"L{i}", message: longMessage))]);

        using var restarted = LgoTest.Restarted(_context);
        await using var afterRestart = await LgoTest.StartAsync(restarted);
        Assert.Equal(301, Csv().Count);
        Assert.True(_context.State.Values.Keys.Count(k => k.StartsWith("file-drop:blocked:", StringComparison.Ordinal)) > 1);
    }

    [Fact]
    public async Task AStateStoreThatFails_LeavesTheBatchToBeRetried_AndTheRetryWritesTheFiles()
    {
        await using var run = await LgoTest.StartAsync(_context);
        _context.State.FailWrites = key => key == "file-drop:blocked";

        HubEvent[] batch = [Some.Blocked(1), Some.Blocked(2)];

        await run.DeliveryFailsAsync<IOException>(batch);
        _context.State.FailWrites = null;
        await run.DeliverOkAsync(batch);

        using var restarted = LgoTest.Restarted(_context);
        await using var afterRestart = await LgoTest.StartAsync(restarted);
        Assert.Equal(["1", "2"], Csv().Skip(1).Select(r => r[0]));
    }

    private TestPluginContext Context() =>
        LgoTest.Context($$"""{ "file_drop_folder": {{JsonSerializer.Serialize(_folder.Path)}} }""");

    private List<string[]> Csv() => CsvFile.Read(File.ReadAllBytes(_folder.File("blocked-packs.csv")));

    private JsonElement Json()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(_folder.File("blocked-packs.json")));
        return document.RootElement.Clone();
    }
}
