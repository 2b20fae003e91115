using System.Text.Json;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

public sealed class SourceCommandTests
{
    private const string Payload = """
        [
          { "source": "dp-rappels", "source_id": "2026-118", "version": 1, "kind": "lot_recall", "published_at": "2026-11-20T08:00:00+01:00",
            "title": "Amlodipine 5 mg", "products": [{ "code_scheme": "cip13", "code": "3400930270387", "label": null,
            "selector": { "lots": [{ "lot": "A53014", "expiry": null }] } }] },
          { "source": "dp-rappels", "source_id": "2026-119", "kind": "information", "published_at": "2026-11-21T08:00:00+01:00", "title": "Information" }
        ]
        """;

    private static (PluginFolders Folders, string PayloadFile) Setup(string payload = Payload)
    {
        var folders = new PluginFolders();
        folders.AddPlugin("notices", "json-notices", "source");
        folders.AddPlugin("journal", "journal", "sink");
        folders.WritePluginsJson("""
            { "plugins": [ { "id": "json-notices", "folder": "plugins/notices", "enabled": false }, { "id": "journal", "folder": "plugins/journal" } ] }
            """);
        string file = Path.Combine(folders.Root, "payload.json");
        File.WriteAllText(file, payload);
        return (folders, file);
    }

    [Fact]
    public async Task Parse_PrintsTheSourcesNormalisedNoticesAsJson()
    {
        var (folders, file) = Setup();
        using (folders)
        {
            // A disabled plugin can still be asked to parse: it is how authors try it before enabling it.
            var run = await CommandLineRun.Of(["source", "parse", "json-notices", file, "--json", "--config", folders.PluginsJson]);

            Assert.Equal(0, run.ExitCode);
            var notices = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["2026-118", "2026-119"], notices.Select(n => n.GetProperty("source_id").GetString()));
            Assert.Equal("A53014", notices[0].GetProperty("products")[0].GetProperty("selector").GetProperty("lots")[0].GetProperty("lot").GetString());
        }
    }

    [Fact]
    public async Task Parse_SummarisesForPeople()
    {
        var (folders, file) = Setup();
        using (folders)
        {
            var run = await CommandLineRun.Of(["source", "parse", "json-notices", file, "--config", folders.PluginsJson]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("dp-rappels/2026-118 v1 LotRecall: Amlodipine 5 mg (1 product(s))", run.OutputLines[0]);
            Assert.Equal("2 notice(s) from payload.json.", run.OutputLines[^1]);
        }
    }

    [Theory]
    [InlineData("nope", "no plugin 'nope' is listed")]
    [InlineData("journal", "plugin 'journal' is a sink, not a source")]
    public async Task Parse_SaysWhyItCannotRunThePlugin(string id, string says)
    {
        var (folders, file) = Setup();
        using (folders)
        {
            var run = await CommandLineRun.Of(["source", "parse", id, file, "--config", folders.PluginsJson]);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(says, run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Parse_ReportsAPayloadTheParserRefuses()
    {
        var (folders, file) = Setup("""[{ "source": "dp-rappels", "source_id": "1", "kind": "lot_recall", "title": "x", "published_at": "2026-11-20T08:00:00Z" }]""");
        using (folders)
        {
            var run = await CommandLineRun.Of(["source", "parse", "json-notices", file, "--config", folders.PluginsJson]);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("payload.json: The notice is not valid: $.products", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Parse_SaysWhenThePayloadFileIsMissing()
    {
        var run = await CommandLineRun.Of(["source", "parse", "json-notices", "/nonexistent/payload.json"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }
}
