using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));

    public IngestCommandTests() => Directory.CreateDirectory(_folder);

    private string Database => Path.Combine(_folder, "data", "hub.db");

    private static string Notice(string source, string id, int version, string lots, string alert = "MED26/A019/B018") => $$"""
        { "source": "{{source}}", "source_id": "{{id}}", "version": {{version}}, "kind": "lot_recall",
          "published_at": "2026-11-20T08:00:00+01:00", "title": "Amlodipine 5 mg", "alert_number": "{{alert}}",
          "products": [{ "code_scheme": "cip13", "code": "3400930270387", "label": null, "selector": { "lots": [{{lots}}] } }] }
        """;

    private string Write(string name, string json)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private Task<CommandLineRun> Ingest(string file) => CommandLineRun.Of(["ingest", file, "--database", Database]);

    [Fact]
    public async Task Ingest_StoresOnceRevisesAndLinks()
    {
        var created = await Ingest(Write("v1.json", Notice("ansm", "amlodipine", 1, """{ "lot": "A53014" }""")));
        var again = await Ingest(Write("v1-again.json", Notice("ansm", "amlodipine", 1, """{ "lot": "A53014" }""")));
        var revised = await Ingest(Write("v2.json", Notice("ansm", "amlodipine", 2, """{ "lot": "A53014" }, { "lot": "A53015" }""")));
        var linked = await Ingest(Write("dp.json", $"[{Notice("dp-rappels", "2026-118", 1, """{ "lot": "A53014" }""")}]"));

        Assert.Equal((0, "ansm/amlodipine v1: new recall 1."), (created.ExitCode, created.Output.Trim()));
        Assert.Equal("ansm/amlodipine v1: already stored in recall 1, nothing new.", again.Output.Trim());
        Assert.StartsWith("ansm/amlodipine v2: new revision of recall 1 (", revised.Output, StringComparison.Ordinal);
        Assert.Contains("A53015", revised.Output, StringComparison.Ordinal);
        Assert.Equal("dp-rappels/2026-118 v1: linked to recall 1 (same alert number MED26/A019/B018).", linked.Output.Trim());

        var recalls = await CommandLineRun.Of(["recalls", "--database", Database]);
        Assert.Equal(0, recalls.ExitCode);
        Assert.Contains("Amlodipine 5 mg [MED26/A019/B018]", recalls.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("ansm,dp-rappels", recalls.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal("1 of 1 recall(s).", recalls.OutputLines[^1]);
    }

    [Fact]
    public async Task Ingest_StoresNothingFromAFileWithOneBadNoticeAndSaysWhere()
    {
        string file = Write("batch.json", $"[{Notice("ansm", "a", 1, """{ "lot": "A1" }""")}, {Notice("ansm", "b", 1, """{ "lot": "" }""")}]");

        var run = await Ingest(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("batch.json: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("$[1].products[0].selector.lots[0].lot: A lot must not be empty.", run.Error, StringComparison.Ordinal);
        var recalls = await CommandLineRun.Of(["recalls", "--database", Database]);
        Assert.Equal("0 of 0 recall(s).", recalls.Output.Trim());
    }

    [Theory]
    [InlineData("{ not json", "batch.json: ")]
    [InlineData("", "batch.json: ")]
    public async Task Ingest_ReportsMalformedJson(string content, string says)
    {
        var run = await Ingest(Write("batch.json", content));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(says, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SaysWhenTheFileIsMissing()
    {
        var run = await Ingest(Path.Combine(_folder, "nope.json"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recalls_RefusesAnOutOfRangeLimit()
    {
        var run = await CommandLineRun.Of(["recalls", "--limit", "0", "--database", Database]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--limit must be between 1 and 1000", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recalls")]
    [InlineData("check")]
    public async Task StoreCommands_ReportAFileThatIsNotADatabase(string command)
    {
        string notDatabase = Write("notes.db", "these are not the pages of a SQLite database, just text, long enough to be read");
        string[] args = command == "check" ? ["check", "3400930270387", "--database", notDatabase] : [command, "--database", notDatabase];

        var run = await CommandLineRun.Of(args);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"recallhub {command}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("notes.db", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
