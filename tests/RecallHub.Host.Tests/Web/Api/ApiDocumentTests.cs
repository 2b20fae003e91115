using System.Text.Json;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Web.Api;

public sealed class ApiDocumentTests : IAsyncLifetime
{
    private HubApi _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubApi.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/check", "post", "CheckPack")]
    [InlineData("/api/v1/scans", "post", "PostScans")]
    [InlineData("/api/v1/notices", "post", "PostNotices")]
    [InlineData("/api/v1/blocks", "get", "ListBlocks")]
    [InlineData("/api/v1/blocks/{id}", "get", "GetBlock")]
    [InlineData("/api/v1/blocks/{id}/lift", "post", "LiftBlock")]
    [InlineData("/api/v1/recalls", "get", "ListRecalls")]
    [InlineData("/api/v1/recalls/{id}", "get", "GetRecall")]
    public async Task EveryEndpoint_IsInTheOpenApiDocument_WithANameAndASummary(string path, string method, string name)
    {
        var document = await _hub.GetAsync("/openapi/v1.json", key: null);

        var operation = document.Body.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.Equal(name, operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task ResponseSchemas_AreSnakeCase()
    {
        var document = await _hub.GetAsync("/openapi/v1.json", key: null);

        var schema = document.Body.GetProperty("components").GetProperty("schemas").GetProperty("ScanBatchResponse");
        Assert.Equal(["stored", "refused", "blocks_placed", "results"], schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, schema.ValueKind);
    }
}
