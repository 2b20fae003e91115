using System.Text.Json;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

public sealed class ParseCommandTests
{
    private static readonly string[] Fields =
    [
        "input", "valid", "scheme", "gtin", "cip13", "acl13", "lot", "serial", "expiry", "production_date", "udi_di",
        "labeler", "product", "unit_of_measure", "ppn", "elements", "errors", "ambiguous", "alternatives",
    ];

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    [Fact]
    public async Task Json_WritesEveryDocumentedFieldForAPack()
    {
        var run = await CommandLineRun.Of(["parse", "--json", Some.EscapedPack]);

        Assert.Equal(0, run.ExitCode);
        var json = Json(Assert.Single(run.OutputLines));
        Assert.Equal(Fields, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Some.Pack, json.GetProperty("input").GetString());
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("gs1", json.GetProperty("scheme").GetString());
        Assert.Equal("03400930270387", json.GetProperty("gtin").GetString());
        Assert.Equal("3400930270387", json.GetProperty("cip13").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("acl13").ValueKind);
        Assert.Equal("A53014", json.GetProperty("lot").GetString());
        Assert.Equal("7GH29KXW41Q", json.GetProperty("serial").GetString());
        Assert.Equal("2028-02-29", json.GetProperty("expiry").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("production_date").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ppn").ValueKind);
        Assert.Equal(
            ["01=03400930270387", "17=280229", "10=A53014", "21=7GH29KXW41Q"],
            json.GetProperty("elements").EnumerateArray().Select(e => $"{e.GetProperty("ai").GetString()}={e.GetProperty("value").GetString()}"));
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
        Assert.False(json.GetProperty("ambiguous").GetBoolean());
        Assert.Equal(0, json.GetProperty("alternatives").GetArrayLength());
    }

    [Fact]
    public async Task Json_ReportsErrorsWithCodePositionAndMessage_AndExitsOne()
    {
        var run = await CommandLineRun.Of(["parse", "--json", "0103400930270386"]);

        Assert.Equal(1, run.ExitCode);
        var json = Json(Assert.Single(run.OutputLines));
        Assert.False(json.GetProperty("valid").GetBoolean());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("GS1_INVALID_CHECK_DIGIT", error.GetProperty("code").GetString());
        Assert.Equal(15, error.GetProperty("position").GetInt32());
        Assert.Contains("should be 7", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandardInput_IsReadLineByLineWhenNoCodeIsGiven()
    {
        var run = await CommandLineRun.Of(["parse", "--json"], Some.Pack + "\n3400930270387\n0103400930270386\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([true, true, false], run.OutputLines.Select(l => Json(l).GetProperty("valid").GetBoolean()));
        Assert.Equal("3400930270387", Json(run.OutputLines[1]).GetProperty("cip13").GetString());
    }

    [Fact]
    public async Task Gs_ReadsAScannerThatSendsASubstituteForGs()
    {
        var run = await CommandLineRun.Of(["parse", "--json", "--gs", "<GS>", "010340093027038717280229" + "10A53014<GS>217GH29KXW41Q"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("7GH29KXW41Q", Json(run.Output).GetProperty("serial").GetString());
    }

    [Fact]
    public async Task Lenient_ListsTheAlternativesOfAnAmbiguousCode()
    {
        var run = await CommandLineRun.Of(["parse", "--json", "--lenient", "010340093027038717280229" + "10A5301421XYZ"]);

        Assert.Equal(1, run.ExitCode);
        var json = Json(run.Output);
        Assert.True(json.GetProperty("ambiguous").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("lot").ValueKind);
        Assert.Equal("3400930270387", json.GetProperty("cip13").GetString());
        var lots = json.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("lot").GetString()).ToList();
        Assert.Contains("A53014", lots);
        Assert.Contains("A5301421XYZ", lots);
    }

    [Fact]
    public async Task HumanOutput_PointsAtTheError()
    {
        var run = await CommandLineRun.Of(["parse", "01034009302703871728022910AB#C"]);

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.Output.Split('\n');
        int caret = Array.FindIndex(lines, l => l.TrimEnd().EndsWith('^'));
        Assert.Equal(2 + 28, lines[caret].IndexOf('^', StringComparison.Ordinal));
        Assert.Contains("GS1_INVALID_CHARACTER", lines[caret + 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HumanOutput_ShowsWhatAPackIs()
    {
        var run = await CommandLineRun.Of(["parse", Some.EscapedPack]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            ]d201034009302703871728022910A53014<GS>217GH29KXW41Q
              valid GS1
              GTIN: 03400930270387
              CIP13: 3400930270387
              lot: A53014
              serial: 7GH29KXW41Q
              expiry: 2028-02-29
              elements: (01)03400930270387 (17)280229 (10)A53014 (21)7GH29KXW41Q

            """,
            run.Output);
    }

    [Theory]
    [InlineData("parse", "--nope")]
    [InlineData("parse", "--gs")]
    [InlineData("parse", "--gs", "", "01")]
    [InlineData("parse", @"10A\q")]
    [InlineData("frobnicate")]
    public async Task BadUsage_ExitsTwoWithAMessage(params string[] args)
    {
        var run = await CommandLineRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("recallhub", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }
}
