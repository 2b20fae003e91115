using System.Net;
using RecallHub.Core.Storage;
using RecallHub.Dashboard.Tests.Support;

namespace RecallHub.Dashboard.Tests.Web;

public sealed class DashboardPagesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/recalls")]
    [InlineData("/blocks")]
    [InlineData("/audit")]
    [InlineData("/status")]
    [InlineData("/implants")]
    public async Task Pages_SendASignedOutVisitorToTheSignInPage(string path)
    {
        await using var hub = await DashboardHub.StartAsync();
        using var client = new DashboardClient(hub);

        var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/login?retour=", new Uri(hub.BaseAddress, page.Location).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeys_StillOpenTheApi_AndASessionCookieDoesNot()
    {
        await using var hub = await DashboardHub.StartAsync();
        using var client = await DashboardClient.SignedInAsync(hub, Some.Pharmacist);

        using var withKey = await hub.ApiGetAsync("/api/v1/recalls", DashboardHub.AdminKey);
        var withCookieOnly = await client.GetAsync("/api/v1/recalls");

        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookieOnly.Status);
    }

    [Fact]
    public async Task Overview_ListsTheRecallThatBlocksStockFirst_AndEncodesItsText()
    {
        await using var hub = await DashboardHub.StartAsync();
        long recallId = await hub.RecallBlockingAPackAsync();
        using var client = await DashboardClient.SignedInAsync(hub, Some.Assistant);

        var overview = await client.GetAsync("/");
        var detail = await client.GetAsync($"/recalls/{recallId}");

        Assert.Equal(HttpStatusCode.OK, overview.Status);
        int concerned = overview.Html.IndexOf("Concernent votre stock", StringComparison.Ordinal);
        int others = overview.Html.IndexOf("Autres rappels ouverts", StringComparison.Ordinal);
        int recall = overview.Html.IndexOf($"/recalls/{recallId}\"", StringComparison.Ordinal);
        Assert.InRange(recall, concerned, others);
        Assert.Contains("&lt;b&gt;gélules&lt;/b&gt;", detail.Html, StringComparison.Ordinal);
        Assert.Contains("Bloqué", detail.Html, StringComparison.Ordinal);
        Assert.Contains("comptoir-1", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_ReadThenActionThenClose_LiftsTheBlockInTheClosersName_AndAuditsEveryStep()
    {
        await using var hub = await DashboardHub.StartAsync();
        long recallId = await hub.RecallBlockingAPackAsync();
        string path = $"/recalls/{recallId}";
        using var assistant = await DashboardClient.SignedInAsync(hub, Some.Assistant);
        using var pharmacist = await DashboardClient.SignedInAsync(hub, Some.Pharmacist);

        var read = await assistant.PostFormAsync(path, $"{path}/read", new() { ["note"] = "vu au comptoir" });
        var refusedAction = await assistant.PostFormAsync(path, $"{path}/action", new() { ["action"] = "quarantined", ["quantite"] = "1" });
        var action = await pharmacist.PostFormAsync(path, $"{path}/action", new() { ["action"] = "quarantined", ["quantite"] = "1" });
        var closed = await pharmacist.PostFormAsync(path, $"{path}/close", new() { ["note"] = "retour fait" });
        var after = await pharmacist.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, read.Status);
        Assert.Equal(HttpStatusCode.Redirect, refusedAction.Status);
        Assert.StartsWith("/forbidden", new Uri(hub.BaseAddress, refusedAction.Location).PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, action.Status);
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.Contains("Clôturé", after.Html, StringComparison.Ordinal);

        var block = (await hub.ReadStoreAsync(s => s.Blocks.ListAsync(new BlockFilter { RecallId = recallId }, Paging.First, Token))).Items.Single();
        Assert.False(block.IsActive);
        Assert.Equal(Some.Pharmacist, block.Lift!.By);
        var audit = await hub.ReadStoreAsync(s => s.Audit.ListRecentAsync(new Paging(0, 100), cancellationToken: Token));
        var steps = audit.Items.Reverse().Where(e => !e.Entry.Action.StartsWith("user.", StringComparison.Ordinal)).Select(e => (e.Entry.Actor, e.Entry.Action)).ToList();
        Assert.Equal(
            [(Some.Assistant, "recall.read"), (Some.Pharmacist, "recall.action"), (Some.Pharmacist, "block.lifted"), (Some.Pharmacist, "recall.closed")],
            steps);
        Assert.True((await hub.ReadStoreAsync(s => s.Audit.VerifyAsync(Token))).IsIntact);
    }

    [Fact]
    public async Task Closing_BeforeAnyAction_IsRefused_AndTheBlockHolds()
    {
        await using var hub = await DashboardHub.StartAsync();
        long recallId = await hub.RecallBlockingAPackAsync();
        using var pharmacist = await DashboardClient.SignedInAsync(hub, Some.Pharmacist);

        var closed = await pharmacist.PostFormAsync($"/recalls/{recallId}", $"/recalls/{recallId}/close", []);

        Assert.Equal(HttpStatusCode.Conflict, closed.Status);
        var blocks = await hub.ReadStoreAsync(s => s.Blocks.ListAsync(new BlockFilter { RecallId = recallId, Active = true }, Paging.First, Token));
        Assert.Single(blocks.Items);
    }

    [Fact]
    public async Task QuarantineWithoutAQuantity_IsRefusedWithAMessage()
    {
        await using var hub = await DashboardHub.StartAsync();
        long recallId = await hub.RecallBlockingAPackAsync();
        using var pharmacist = await DashboardClient.SignedInAsync(hub, Some.Pharmacist);

        var action = await pharmacist.PostFormAsync($"/recalls/{recallId}", $"/recalls/{recallId}/action", new() { ["action"] = "destroyed" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, action.Status);
        Assert.Contains("nombre de boîtes", action.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWithoutItsToken_IsRefused_AndNothingIsRecorded()
    {
        await using var hub = await DashboardHub.StartAsync();
        long recallId = await hub.RecallBlockingAPackAsync();
        using var assistant = await DashboardClient.SignedInAsync(hub, Some.Assistant);

        var read = await assistant.PostFormAsync($"/recalls/{recallId}", $"/recalls/{recallId}/read", [], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, read.Status);
        Assert.False((await hub.ReadStoreAsync(s => s.FollowUp.GetAsync(recallId, Token))).IsAcknowledged);
    }

    [Fact]
    public async Task LiftingABlock_FromTheBlocksPage_NeedsAReason_AndRecordsTheSignedInPharmacist()
    {
        await using var hub = await DashboardHub.StartAsync();
        long recallId = await hub.RecallBlockingAPackAsync();
        using var pharmacist = await DashboardClient.SignedInAsync(hub, Some.Pharmacist);
        long blockId = (await hub.ReadStoreAsync(s => s.Blocks.ListAsync(new BlockFilter { RecallId = recallId }, Paging.First, Token))).Items.Single().Id;

        var withoutReason = await pharmacist.PostFormAsync("/blocks", $"/blocks/{blockId}/lift", new() { ["motif"] = " " });
        var lifted = await pharmacist.PostFormAsync("/blocks", $"/blocks/{blockId}/lift", new() { ["motif"] = "lot vérifié : A53015, non concerné" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.Status);
        Assert.Equal(HttpStatusCode.Redirect, lifted.Status);
        var block = await hub.ReadStoreAsync(s => s.Blocks.GetAsync(blockId, Token));
        Assert.Equal((Some.Pharmacist, "lot vérifié : A53015, non concerné"), (block!.Lift!.By, block.Lift.Reason));
    }

    [Fact]
    public async Task ImplantRegister_IsForPharmaciensOnly()
    {
        await using var hub = await DashboardHub.StartAsync();
        using var assistant = await DashboardClient.SignedInAsync(hub, Some.Assistant);
        using var admin = await DashboardClient.SignedInAsync(hub, Some.Admin);
        using var pharmacist = await DashboardClient.SignedInAsync(hub, Some.Pharmacist);

        Assert.StartsWith("/forbidden", new Uri(hub.BaseAddress, (await assistant.GetAsync("/implants")).Location).PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/forbidden", new Uri(hub.BaseAddress, (await admin.GetAsync("/implants")).Location).PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await pharmacist.GetAsync("/implants")).Status);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        await using var hub = await DashboardHub.StartAsync();
        using var client = new DashboardClient(hub);

        for (int i = 0; i < 5; i++)
        {
            await client.SignInAsync(Some.Assistant, "mauvais-mot-de-passe");
        }

        var right = await client.SignInAsync(Some.Assistant, Some.Password);
        hub.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = await client.SignInAsync(Some.Assistant, Some.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
        Assert.Contains("verrouillé", right.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, later.Status);
        var audit = await hub.ReadStoreAsync(s => s.Audit.ListAsync($"user:{Some.Assistant}", Token));
        Assert.Contains(audit, e => e.Entry.Action == "user.locked_out");
    }

    [Fact]
    public async Task ARecallNotClosedWithin48Hours_IsShownOverdue_ToWhoeverSignsInThen()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.RecallBlockingAPackAsync();
        using var yesterday = await DashboardClient.SignedInAsync(hub, Some.Assistant);

        var before = await yesterday.GetAsync("/");
        hub.Clock.Advance(TimeSpan.FromHours(49));
        var expired = await yesterday.GetAsync("/");
        using var today = await DashboardClient.SignedInAsync(hub, Some.Assistant);
        var after = await today.GetAsync("/");

        Assert.DoesNotContain("row-overdue", before.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, expired.Status);
        Assert.Contains("row-overdue", after.Html, StringComparison.Ordinal);
        Assert.Contains("en retard de 1 h", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecallsPage_FiltersOnConcernsMyStock()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.RecallBlockingAPackAsync();
        await hub.RecallBlockingAPackAsync(Some.Notice("autre", "Paracétamol 1 g") with { Products = [new(RecallHub.Abstractions.Notices.CodeScheme.Cip13, "3400937944892", "Paracétamol", RecallHub.Abstractions.Notices.LotSelector.All)] });
        using var client = await DashboardClient.SignedInAsync(hub, Some.Assistant);

        var concerned = await client.GetAsync("/recalls?stock=oui");
        var notConcerned = await client.GetAsync("/recalls?stock=non");

        Assert.Contains("Amlodipine", concerned.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Paracétamol 1 g", concerned.Html, StringComparison.Ordinal);
        Assert.Contains("Paracétamol 1 g", notConcerned.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_SaysWhenTheChainIsIntact()
    {
        await using var hub = await DashboardHub.StartAsync();
        using var client = await DashboardClient.SignedInAsync(hub, Some.Admin);

        var page = await client.GetAsync("/audit?verifier=1");

        Assert.Contains("Chaîne intègre", page.Html, StringComparison.Ordinal);
        Assert.Contains("Connexion", page.Html, StringComparison.Ordinal);
    }
}
