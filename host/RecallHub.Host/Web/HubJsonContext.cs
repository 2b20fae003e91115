using System.Text.Json.Serialization;

namespace RecallHub.Host.Web;

/// <summary>Source-generated JSON for the hub's HTTP bodies: snake_case, no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(Api.CheckRequest))]
[JsonSerializable(typeof(Api.CheckResponse))]
[JsonSerializable(typeof(Api.Sources.SourcePullResponse))]
[JsonSerializable(typeof(Api.Scans.ScanRequest))]
[JsonSerializable(typeof(Api.Scans.ScanBatchRequest))]
[JsonSerializable(typeof(Api.Scans.ScanBatchResponse))]
[JsonSerializable(typeof(Api.Notices.NoticeBatchResponse))]
[JsonSerializable(typeof(Api.Blocks.LiftRequest))]
[JsonSerializable(typeof(Api.Blocks.BlockView))]
[JsonSerializable(typeof(Api.ApiPage<Api.Blocks.BlockView>))]
[JsonSerializable(typeof(Api.ApiPage<Api.Recalls.RecallSummaryView>))]
[JsonSerializable(typeof(Api.Recalls.RecallDetail))]
[JsonSerializable(typeof(Api.Plugins.PluginQueryListView))]
[JsonSerializable(typeof(Api.Plugins.PluginQueryAnswer))]
internal sealed partial class HubJsonContext : JsonSerializerContext;
