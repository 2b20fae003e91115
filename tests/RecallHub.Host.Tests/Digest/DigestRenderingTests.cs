using RecallHub.Abstractions.Notices;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Host.Digest;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Digest;

/// <summary>
/// The shipped digest templates rendered for a rich day and an empty day, compared with the files in
/// <c>Digest/Golden</c>. After a deliberate change to a template, run with <c>RECALLHUB_UPDATE_GOLDEN=1</c> and review
/// the diff of the golden files.
/// </summary>
public sealed class DigestRenderingTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);
    private static readonly DateTimeOffset At = new(2026, 11, 30, 6, 30, 0, TimeSpan.Zero);

    private static readonly DigestOptions Options = new(new TimeOnly(7, 30), new Uri("https://recallhub.pharmacie-des-tilleuls.fr/"), "Pharmacie des Tilleuls");

    [Theory]
    [InlineData("rich-day.html")]
    [InlineData("rich-day.txt")]
    [InlineData("empty-day.html")]
    [InlineData("empty-day.txt")]
    public async Task ShippedTemplates_RenderTheGoldenDigest(string golden)
    {
        var content = golden.StartsWith("rich", StringComparison.Ordinal) ? RichDay() : EmptyDay();
        var document = Digest().Render(content);

        string actual = golden.EndsWith(".html", StringComparison.Ordinal) ? document.Html : $"Subject: {document.Subject}\n\n{document.Text}";

        string path = Path.Combine(AppContext.BaseDirectory, "Digest", "Golden", golden);
        if (Environment.GetEnvironmentVariable("RECALLHUB_UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(FindRepository(), "tests", "RecallHub.Host.Tests", "Digest", "Golden", golden);
            await File.WriteAllTextAsync(source, actual, TestContext.Current.CancellationToken);
            return;
        }

        Assert.Equal(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), actual.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void HostileRecallAndScanTexts_AreTextInTheHtml_AndVerbatimInTheText()
    {
        var document = Digest().Render(RichDay());

        Assert.DoesNotContain("<script>", document.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", document.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", document.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", document.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDay_SaysSoInOneLine()
    {
        var document = Digest().Render(EmptyDay());

        Assert.Equal("[RecallHub] Pharmacie des Tilleuls — 30/11/2026 : rien à signaler", document.Subject);
        Assert.Single(document.Text.Split('\n'), l => l.StartsWith("Rien à signaler", StringComparison.Ordinal));
    }

    [Fact]
    public void FailingSource_IsSaid_EvenOnAnEmptyDay()
    {
        var content = EmptyDay() with { Plugins = [new DigestPluginHealth("ansm", true, PluginState.Failed, "Last pull failed: 503", At.AddHours(-2), "HttpRequestException: 503 (Service Unavailable)")] };

        var document = Digest().Render(content);

        Assert.EndsWith("rien à signaler — 1 source(s) en échec", document.Subject, StringComparison.Ordinal);
        Assert.Contains("ansm (source) : en échec", document.Text, StringComparison.Ordinal);
        Assert.Contains("503 (Service Unavailable)", document.Html, StringComparison.Ordinal);
    }

    private static DailyDigest Digest() =>
        new(new UnusedStore(), new HubEventOutbox(HubSinks.None, Some.Clock()), Options, DigestTemplates.Load(DigestTemplates.DefaultFolder), Some.Clock());

    private static DigestContent EmptyDay() => new(
        Day, At.AddDays(-1), At, [], [], [], [], [],
        [new DigestPluginHealth("ansm", true, PluginState.Loaded, null, At.AddHours(-1), null), new DigestPluginHealth("email", false, PluginState.Loaded, null, null, null)]);

    private static DigestContent RichDay()
    {
        var received = new DateTimeOffset(2026, 11, 27, 14, 5, 0, TimeSpan.Zero);
        StockBlock Block(long id, string lot, string? serial, string? workstation, DateTimeOffset since, bool manual = false) =>
            new(id, 7, "03400930270387", "03400930270387", lot, serial, new DateOnly(2028, 2, 29), id, workstation, manual, since, "Rappel", null);
        return new DigestContent(
            Day,
            At.AddDays(-1),
            At,
            [
                new DigestStockRecall(
                    7,
                    "Amlodipine Biogaran 5 mg, gélule <script>alert('x')</script>",
                    "MED26/A019/B018",
                    ["Mettre les boîtes en quarantaine", "Les retourner au laboratoire Biogaran avant le 15/12/2026"],
                    [Block(1, "A53014", "7GH29KXW41Q", "comptoir-2", received), Block(2, "<b>A53014</b>", null, null, At.AddHours(-3), manual: true)],
                    1),
                new DigestStockRecall(9, "Doliprane 1000 mg, comprimé", null, [], [Block(3, "L77", "S3", "réserve", At.AddHours(-20))], 1),
            ],
            [new DigestPatientRecall(12, "DIU Cuivre 380 : rappel de lots", "R2619855", 2)],
            [
                new DigestUnreadRecall(7, "Amlodipine Biogaran 5 mg, gélule <script>alert('x')</script>", "MED26/A019/B018", received, 2),
                new DigestUnreadRecall(9, "Doliprane 1000 mg, comprimé", null, At.AddHours(-20), 0),
            ],
            [
                new DigestVerificationAlert(
                    15,
                    "Boîte déjà désactivée : Amlodipine Biogaran 5 mg",
                    "NMVS_NC_PCK_22",
                    "Cette boîte est déjà enregistrée comme délivrée dans le système national.",
                    ["Mettre la boîte de côté et vérifier l'historique de ses scans."],
                    At.AddHours(-5)),
            ],
            [new DigestNewRecall(20, "Crème solaire Bébé SPF50 <img src=x onerror=alert(1)>", null, NoticeKind.ConsumerRecall, ["rappelconso"], At.AddDays(-1))],
            [
                new DigestPluginHealth("ansm", true, PluginState.Loaded, null, At.AddHours(-1), null),
                new DigestPluginHealth("rappelconso", true, PluginState.Failed, "Last pull at 2026-11-30 05:00 UTC failed: HttpRequestException: 503", At.AddHours(-1.5), "HttpRequestException: 503 (Service Unavailable)"),
                new DigestPluginHealth("email", false, PluginState.Loaded, null, null, null),
            ]);
    }

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RecallHub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("RecallHub.sln not found above the test folder.");
    }

    // Rendering reads nothing: a store that says so if it is ever asked.
    private sealed class UnusedStore : IRecallHubStore
    {
        public bool IsMultiPharmacy => false;

        public Task<IStoreSession> OpenSessionAsync(PharmacyScope scope, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Rendering must not open the store.");
    }
}
