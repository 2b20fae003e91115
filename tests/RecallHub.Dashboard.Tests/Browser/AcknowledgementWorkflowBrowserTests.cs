using Microsoft.Playwright;
using RecallHub.Dashboard.Tests.Support;

namespace RecallHub.Dashboard.Tests.Browser;

/// <summary>The pharmacist's path through a real browser: sign in, open the recall that blocks stock, acknowledge it, record an action, close it, see the block lifted and the audit entries.</summary>
public sealed class AcknowledgementWorkflowBrowserTests
{
    [Fact]
    public async Task Pharmacist_AcknowledgesActsAndCloses_ThenSeesTheBlockLiftedAndTheAuditEntries()
    {
        await using var hub = await DashboardHub.StartAsync();
        long recallId = await hub.RecallBlockingAPackAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = hub.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "fr-FR" });

        // Sign in: the overview comes first, the recall under "Concernent votre stock".
        await page.GotoAsync("/");
        await page.GetByLabel("Nom").FillAsync(Some.Pharmacist);
        await page.GetByLabel("Mot de passe").FillAsync(Some.Password);
        await Chromium.ScreenshotAsync(page, "01-connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rappels à traiter" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "02-accueil");

        // Open the recall: one pack blocked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Amlodipine Biogaran 5 mg" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{hub.BaseAddress}recalls/{recallId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bloqué — 03400930270387, lot A53014, n° 7GH29KXW41Q" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "03-rappel-nouveau");

        // Acknowledge, then record the quarantine of one pack.
        await page.GetByRole(AriaRole.Button, new() { Name = "J'ai lu ce rappel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Lecture enregistrée");
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("quarantined");
        await page.GetByLabel("Nombre de boîtes").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'action" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Action enregistrée");
        await Chromium.ScreenshotAsync(page, "04-action-enregistree");

        // Close: the remaining block is lifted in the pharmacist's name.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clôturer le rappel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rappel clôturé");
        await Assertions.Expect(page.GetByText($"Levé par {Some.Pharmacist}")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "05-rappel-cloture");

        await page.GetByRole(AriaRole.Link, new() { Name = "Stock bloqué" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir les blocages levés" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = $"par {Some.Pharmacist}" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "06-blocages-leves");

        await page.GetByRole(AriaRole.Link, new() { Name = "Journal", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Rappel clôturé" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Blocage levé" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "07-journal");

        // The same recall on a phone.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/recalls/{recallId}");
        await Chromium.ScreenshotAsync(page, "08-rappel-telephone");
    }

    [Fact]
    public async Task Keyboard_SignsIn_ThenReachesTheSkipLinkFirst_AndItLeadsToTheContent()
    {
        await using var hub = await DashboardHub.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = hub.BaseAddress.ToString() });

        await page.GotoAsync("/");
        await page.GetByLabel("Nom").FillAsync(Some.Assistant);
        await page.GetByLabel("Mot de passe").FillAsync(Some.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rappels à traiter" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
