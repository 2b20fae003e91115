using RecallHub.Sinks.Email.Tests.Support;

namespace RecallHub.Sinks.Email.Tests.Rendering;

/// <summary>
/// The shipped templates rendered for a fixed alert and compared with the files in <c>Rendering/Golden</c>. After a
/// deliberate change to a template, run with <c>RECALLHUB_UPDATE_GOLDEN=1</c> and review the diff of the golden files.
/// </summary>
public sealed class AlertTemplatesTests
{
    [Theory]
    [InlineData("recall-alert.txt")]
    [InlineData("recall-alert.html")]
    [InlineData("recall-alert.subject.txt")]
    public async Task ShippedTemplates_RenderTheGoldenMessage(string golden)
    {
        var sink = new EmailSink();
        await sink.StartAsync(EmailContext.Create("""
            { "smtp_host": "127.0.0.1", "from": "recallhub@pharmacie-des-tilleuls.fr", "to": ["rappels@pharmacie-des-tilleuls.fr"],
              "pharmacy_name": "Pharmacie des Tilleuls", "dashboard_url": "https://recallhub.pharmacie-des-tilleuls.fr/" }
            """), TestContext.Current.CancellationToken);
        var events = new[]
        {
            Some.RecallReceived(7) with { Id = "e1" },
            Some.StockBlocked(7, "A53014", "7GH29KXW41Q") with { Id = "e2" },
            Some.StockBlocked(7, "A53014", "8HJ30LYX52R") with { Id = "e3", Pack = Some.StockBlocked(7, "A53014", "8HJ30LYX52R").Pack! with { Workstation = null } },
        };
        var alert = Composing.RecallAlertComposer.Compose(events, _ => Composing.RecallFacts.From(Some.Notice())).Single();

        var message = sink.Compose(alert);
        string actual = golden switch
        {
            "recall-alert.txt" => message.TextBody ?? "",
            "recall-alert.html" => message.HtmlBody ?? "",
            _ => message.Subject + "\n",
        };

        string path = Path.Combine(AppContext.BaseDirectory, "Rendering", "Golden", golden);
        if (Environment.GetEnvironmentVariable("RECALLHUB_UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(FindRepository(), "tests", "RecallHub.Sinks.Email.Tests", "Rendering", "Golden", golden);
            await File.WriteAllTextAsync(source, actual, TestContext.Current.CancellationToken);
            return;
        }

        Assert.Equal(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), actual.ReplaceLineEndings("\n"));
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
}
