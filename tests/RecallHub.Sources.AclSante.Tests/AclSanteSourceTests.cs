using System.Net;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using RecallHub.Sources.AclSante.Tests.Support;
using Some = RecallHub.Sources.AclSante.Tests.Support.Some;

namespace RecallHub.Sources.AclSante.Tests;

/// <summary>Pulls against a real HTTP server on 127.0.0.1 serving the recorded notices as the portal would.</summary>
public sealed class AclSanteSourceTests : IAsyncLifetime
{
    private const string Page = "notices_page_constructed.json";
    private const string FollowUp = "notice_follow_up_constructed.json";
    private const string Broken = "notices_broken_constructed.json";

    private readonly List<TestSourceContext> _contexts = [];
    private FakeAclPortal? _portal;
    private AclSanteSource? _source;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FakeAclPortal Portal => _portal!;

    public async ValueTask InitializeAsync() => _portal = await FakeAclPortal.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        await Portal.DisposeAsync();
        foreach (var context in _contexts)
        {
            // ACL Santé pulls; it never pushes.
            Assert.Empty(context.Published);
            context.Dispose();
        }
    }

    /// <summary>A context as the hub gives it: the settings given, ACL_SANTE_TOKEN set, the tests' clock.</summary>
    private TestSourceContext Context(string settingsJson)
    {
        var context = new TestSourceContext("acl-sante", Some.Clock()).WithSettings(settingsJson).WithSecret(Some.TokenVariable, Some.Token);
        _contexts.Add(context);
        return context;
    }

    private async Task<TestSourceContext> StartAsync(string settings = "")
    {
        var context = Context($$"""{ "base_url": "{{Portal.BaseUrl}}", "token": "env:{{Some.TokenVariable}}", "retry_delay": 1 {{settings}} }""");
        _source = new AclSanteSource();
        await _source.StartAsync(context, Cancel);
        return context;
    }

    [Fact]
    public async Task FirstPull_ReadsEveryNoticeWithTheTokenAndSetsTheCheckpointToTheNewestUpdate()
    {
        Portal.Publish(TestData.Records(Page));
        await StartAsync();

        var result = await _source!.FetchAsync(null, Cancel);

        var request = Assert.Single(Portal.Requests);
        Assert.Equal("/api/v1/notices?limit=100", request.PathAndQuery);
        Assert.Equal("Bearer " + Some.Token, request.Header("Authorization"));
        Assert.Equal(["FSCA-2026-0042", "FSCA-2026-0051"], result.Notices.Select(n => n.SourceId));
        Assert.All(result.Notices, n => Assert.Equal(("acl-sante", 1), (n.Source, n.Version)));
        Assert.Equal("2026-07-10T12:30:00Z", result.Checkpoint);
        Assert.False(result.HasMore);
    }

    [Fact]
    public async Task NextPull_AsksFromTheCheckpointMinusTheOverlapAndBringsOnlyWhatChanged()
    {
        Portal.Publish(TestData.Records(Page));
        await StartAsync();
        var first = await _source!.FetchAsync(null, Cancel);
        Portal.Publish([Some.Notice("FSCA-2026-0070", "2026-07-15T10:00:00Z")]);

        var second = await _source.FetchAsync(first.Checkpoint, Cancel);

        Assert.Equal("/api/v1/notices?updated_since=2026-07-10T12%3A20%3A00Z&limit=100", Portal.Requests[^1].PathAndQuery);
        // The overlap brings FSCA-2026-0051 again: the same notice, which the hub stores once.
        Assert.Equal(["FSCA-2026-0051", "FSCA-2026-0070"], second.Notices.Select(n => n.SourceId));
        Assert.Equal(RecallNoticeJson.Serialize(first.Notices[1]), RecallNoticeJson.Serialize(second.Notices[0]));
        Assert.Equal("2026-07-15T10:00:00Z", second.Checkpoint);
    }

    [Fact]
    public async Task NothingNew_KeepsTheCheckpoint()
    {
        Portal.Publish(TestData.Records(Page));
        await StartAsync();

        var result = await _source!.FetchAsync("2026-08-01T00:00:00Z", Cancel);

        Assert.Empty(result.Notices);
        Assert.Equal("2026-08-01T00:00:00Z", result.Checkpoint);
    }

    [Fact]
    public async Task ManyNotices_ArePagedByTheCursorInOneFetch()
    {
        Portal.Publish(Enumerable.Range(1, 5).Select(i => Some.Notice($"FSCA-2026-{i:D4}", $"2026-07-1{i}T10:00:00Z")));
        await StartAsync(""", "page_size": 2""");

        var result = await _source!.FetchAsync(null, Cancel);

        Assert.Equal(["/api/v1/notices?limit=2", "/api/v1/notices?limit=2&cursor=2", "/api/v1/notices?limit=2&cursor=4"], Portal.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"FSCA-2026-{i:D4}"), result.Notices.Select(n => n.SourceId));
        Assert.Equal("2026-07-15T10:00:00Z", result.Checkpoint);
        Assert.False(result.HasMore);
    }

    [Fact]
    public async Task MorePagesThanMaxPages_HandsOverWithHasMoreAndACheckpointThatCoversThem()
    {
        Portal.Publish(Enumerable.Range(1, 5).Select(i => Some.Notice($"FSCA-2026-{i:D4}", $"2026-07-1{i}T10:00:00Z")));
        await StartAsync(""", "page_size": 2, "max_pages": 1, "overlap": 0""");

        var first = await _source!.FetchAsync(null, Cancel);
        var second = await _source.FetchAsync(first.Checkpoint, Cancel);

        Assert.Equal((2, "2026-07-12T10:00:00Z", true), (first.Notices.Count, first.Checkpoint, first.HasMore));
        // From the checkpoint (inclusive): the boundary notice again, then the next one.
        Assert.Equal(["FSCA-2026-0002", "FSCA-2026-0003"], second.Notices.Select(n => n.SourceId));
        Assert.True(second.HasMore);
    }

    [Fact]
    public async Task FollowUp_IsARevisionOfTheOriginalNotice()
    {
        Portal.Publish(TestData.Records(Page));
        await StartAsync();
        var first = await _source!.FetchAsync(null, Cancel);
        Portal.Publish(TestData.Records(FollowUp));

        var second = await _source.FetchAsync(first.Checkpoint, Cancel);

        var original = first.Notices.Single(n => n.SourceId == "FSCA-2026-0042");
        var revision = second.Notices.Single(n => n.SourceId == "FSCA-2026-0042");
        Assert.Equal((1, 2), (original.Version, revision.Version));
        Assert.Equal(["0031234567", "0031234568"], original.Products[0].Selector.Lots.Select(l => l.Lot));
        Assert.Equal(["0031234567", "0031234568", "0031234569"], revision.Products[0].Selector.Lots.Select(l => l.Lot));
        Assert.Equal(new DateTimeOffset(2026, 7, 20, 0, 0, 0, TimeSpan.FromHours(2)), revision.PublishedAt);
    }

    [Fact]
    public async Task BrokenRecords_AreKeptRawAsLowConfidenceNoticesAndLogged()
    {
        Portal.Publish(TestData.Records(Broken));
        var context = await StartAsync();

        var result = await _source!.FetchAsync(null, Cancel);

        Assert.Equal(3, result.Notices.Count);
        Assert.All(result.Notices, n => Assert.True(n.IsLowConfidence));
        var unreadable = result.Notices.Where(n => n.SourceId.StartsWith("illisible-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, unreadable.Count);
        Assert.All(unreadable, n => Assert.Empty(n.Products));
        Assert.Contains(unreadable, n => n.Title.Contains("FSCA-2026-0060", StringComparison.Ordinal) && n.RawPayload!.Contains("mardi dernier", StringComparison.Ordinal));
        Assert.Contains(unreadable, n => n.Title.Contains("sans référence", StringComparison.Ordinal) && n.RawPayload!.Contains("Compresse Exemple", StringComparison.Ordinal));
        Assert.Equal(2, context.Log.At(PluginLogLevel.Error).Count);
        Assert.Contains(context.Log.At(PluginLogLevel.Warning), w => w.Contains("FSCA-2026-0061", StringComparison.Ordinal) && w.Contains("08714729000014", StringComparison.Ordinal));
        // Every record moves the checkpoint, readable or not.
        Assert.Equal("2026-07-13T10:00:00Z", result.Checkpoint);
    }

    [Fact]
    public async Task ServerErrorThenSuccess_RetriesAfterABackoffOnTheHubsClock()
    {
        Portal.Publish(TestData.Records(Page));
        Portal.FailNext(503);
        var context = await StartAsync();

        var result = await context.RunWithClockAsync(() => _source!.FetchAsync(null, Cancel).AsTask(), TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, Portal.Requests.Count);
        Assert.Equal(2, result.Notices.Count);
        Assert.True(context.Clock.GetUtcNow() - Some.Now >= TimeSpan.FromSeconds(1));
        string warning = Assert.Single(context.Log.At(PluginLogLevel.Warning));
        Assert.Contains($"GET {Portal.BaseUrl}notices?limit=100 answered 503 Service Unavailable", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsUntilTheLastAttempt_FailWithTheUrlTheStatusAndTheAttempts()
    {
        Portal.FailNext(502, 500);
        await StartAsync(""", "max_attempts": 2, "retry_delay": 0""");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _source!.FetchAsync(null, Cancel).AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains($"GET {Portal.BaseUrl}notices?limit=100 answered 500 Internal Server Error", error.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 2 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedToken_FailsAtOnceWithAClearErrorThatDoesNotShowTheToken()
    {
        Portal.Credential = "Bearer another-token";
        await StartAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _source!.FetchAsync(null, Cancel).AsTask());

        Assert.Single(Portal.Requests);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains($"GET {Portal.BaseUrl}notices?limit=100 answered 401 Unauthorized: The access token is missing, expired or revoked.", error.Message, StringComparison.Ordinal);
        Assert.Contains("check setting 'token'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Some.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenHeaderAndScheme_AreSentAsConfigured()
    {
        Portal.Publish(TestData.Records(Page));
        Portal.TokenHeader = "X-Api-Key";
        Portal.Credential = Some.Token;
        await StartAsync(""", "token_header": "X-Api-Key", "token_scheme": "none" """);

        var result = await _source!.FetchAsync(null, Cancel);

        Assert.Equal(Some.Token, Assert.Single(Portal.Requests).Header("X-Api-Key"));
        Assert.Equal(2, result.Notices.Count);
    }

    [Fact]
    public async Task MissingTokenVariable_IsAConfigurationErrorNamingIt()
    {
        var context = Context($$"""{ "base_url": "{{Portal.BaseUrl}}", "token": "env:ACL_SANTE_NOT_SET" }""");
        _source = new AclSanteSource();

        var error = await Assert.ThrowsAsync<PluginConfigurationException>(() => _source.StartAsync(context, Cancel).AsTask());

        Assert.Contains("ACL_SANTE_NOT_SET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpToAnotherMachine_IsRefusedBecauseTheTokenWouldTravelInClear()
    {
        var context = Context($$"""{ "base_url": "http://acl.example.org/api/", "token": "env:{{Some.TokenVariable}}" }""");
        _source = new AclSanteSource();

        var error = await Assert.ThrowsAsync<PluginConfigurationException>(() => _source.StartAsync(context, Cancel).AsTask());

        Assert.Contains("'base_url'", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerThatIsNotNotices_FailsThePullWithTheUrl()
    {
        await StartAsync(""", "fields": { "request.path": "../../nowhere" }""");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _source!.FetchAsync(null, Cancel).AsTask());

        Assert.Contains("nowhere?limit=100 answered 404", error.Message, StringComparison.Ordinal);
    }
}
