using System.Net;
using System.Net.Http.Headers;

namespace RecallHub.Plugins.Testing.Tests.Http;

public sealed class RecordedHttpServerTests : IAsyncLifetime
{
    private RecordedHttpServer _server = null!;
    private readonly HttpClient _http = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await RecordedHttpServer.StartAsync(cancellationToken: Cancel);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Serve_AnswersThePayloadAtItsExactPathAndQuery_AndNothingElse()
    {
        _server.Serve("/listing?page=2", "<html>2</html>", "text/html; charset=utf-8");

        using var page = await _http.GetAsync(_server.Url("/listing?page=2"), Cancel);
        using var other = await _http.GetAsync(_server.Url("/listing?page=3"), Cancel);

        Assert.Equal("<html>2</html>", await page.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(["/listing?page=2", "/listing?page=3"], _server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task FailFirst_Answers503ThenThePayload()
    {
        _server.Serve("/recalls.json", "[]");
        _server.FailFirst("/recalls.json", 2);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await _http.GetAsync(_server.Url("/recalls.json"), Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task FailNext_FailsTheNextRequestsWhateverTheyAsk()
    {
        _server.Serve("/a", "a");
        _server.FailNext(502, 429);

        using var first = await _http.GetAsync(_server.Url("/a"), Cancel);
        using var second = await _http.GetAsync(_server.Url("/b"), Cancel);
        using var third = await _http.GetAsync(_server.Url("/a"), Cancel);

        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
    }

    [Fact]
    public async Task ETag_AnswersNotModifiedToAConditionalRequest()
    {
        _server.Serve("/listing", "<html/>", "text/html", etag: "\"v1\"");
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url("/listing"));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"v1\""));

        using var plain = await _http.GetAsync(_server.Url("/listing"), Cancel);
        using var conditional = await _http.SendAsync(request, Cancel);

        Assert.Equal("\"v1\"", plain.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal("\"v1\"", _server.Requests[1].Header("if-none-match"));
    }

    [Fact]
    public async Task Route_ReadsTheRequest_AndRecordsPostedBodies()
    {
        _server.Route("/hook", r => new RecordedResponse(r.Method == "POST" ? 202 : 405, $"key={r.QueryValue("key")}"));

        using var response = await _http.PostAsync(_server.Url("/hook?key=a%20b"), new StringContent("{\"id\":\"evt-1\"}"), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("key=a b", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("{\"id\":\"evt-1\"}", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task ServeFolder_ServesItsFilesButNothingOutsideIt()
    {
        string folder = Directory.CreateTempSubdirectory("recorded-").FullName;
        File.WriteAllText(Path.Combine(folder, "notice.html"), "<p>rappel</p>");
        _server.ServeFolder("/data/", folder);
        try
        {
            using var file = await _http.GetAsync(_server.Url("/data/notice.html"), Cancel);
            using var escape = await _http.GetAsync(_server.Url("/data/%2E%2E%2Fpasswd"), Cancel);

            Assert.Equal("<p>rappel</p>", await file.Content.ReadAsStringAsync(Cancel));
            Assert.Equal("text/html", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
