using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.Ansm;

namespace RecallHub.Benchmarks.Sources;

/// <summary>
/// The ANSM plugin's <see cref="AnsmSource.Parse"/> on one notice page, as each pull does for every new notice: the
/// recorded sample pages, and the Amlodipine one inside site-sized page chrome (<see cref="AnsmPageChrome"/>), since
/// the samples carry only the notice itself. Goal: under 2 ms a page.
/// </summary>
[MemoryDiagnoser]
public class AnsmNoticeParsingBenchmarks
{
    private readonly AnsmSource _source = new();
    private SourcePayload _payload = null!;

    /// <summary>
    /// The sample page parsed: <c>amlodipine</c> (a list, two CIP13s), <c>lot-table</c> (lots in a sentence and in a
    /// table), <c>device-fsn</c> (UDI-DIs), <c>amlodipine+chrome</c> (the first inside a whole site page).
    /// </summary>
    [ParamsSource(nameof(Pages))]
    public string Page { get; set; } = "";

    public static IEnumerable<string> Pages =>
    [
        "amlodipine",
        "lot-table",
        "device-fsn",
        "amlodipine+chrome",
    ];

    [GlobalSetup]
    public void Load()
    {
        (string file, string slug) = Page switch
        {
            "lot-table" => ("notice_medicament_lot_table_constructed.html", "tavneos-10-mg-gelule-laboratoire-vifor-france"),
            "device-fsn" => ("notice_dm_fsn_constructed.html", "rapid-refill-continuous-injection-system-boston-scientific"),
            _ => ("notice_medicament_amlodipine_constructed.html", "amlodipine-eg-5-mg-et-10-mg-gelule-laboratoires-eg-labo"),
        };
        string html = Read(file);
        if (Page == "amlodipine+chrome")
        {
            html = AnsmPageChrome.Around(html);
        }

        _payload = new SourcePayload(html, "text/html", new Uri("https://ansm.sante.fr/informations-de-securite/" + slug));
        Console.WriteLine($"// {Page}: {html.Length} characters");
        if (_source.Parse(_payload) is not [{ Products.Count: > 0 }])
        {
            throw new InvalidOperationException($"{Page}: the sample did not give one notice with products.");
        }
    }

    [Benchmark(Baseline = true, Description = "Parse: one notice page")]
    public int ParseNotice() => _source.Parse(_payload)[0].Products.Count;

    // What the plugin cannot go below: AngleSharp building the DOM, before any selector or pattern runs.
    [Benchmark(Description = "AngleSharp ParseDocument alone")]
    public int ParseDocumentOnly() => new HtmlParser().ParseDocument(_payload.Content).All.Length;

    private static string Read(string file)
    {
        using var stream = typeof(AnsmNoticeParsingBenchmarks).Assembly.GetManifestResourceStream("ansm/" + file)
            ?? throw new InvalidOperationException($"ansm/{file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
