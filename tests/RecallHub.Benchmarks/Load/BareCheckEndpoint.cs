using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecallHub.Benchmarks.Load;

/// <summary>
/// <c>bare-check-endpoint --urls URL</c>: the ceiling the hub's <c>POST /api/v1/check</c> is measured against — the
/// same Kestrel, slim builder and source-generated JSON, reading the same body and answering a verdict of the same
/// size, with nothing of the hub between (no key, no barcode, no index).
/// </summary>
internal static partial class BareCheckEndpoint
{
    public const string Command = "bare-check-endpoint";

    public static async Task RunAsync(string[] args)
    {
        string urls = args.Length == 2 && args[0] == "--urls" ? args[1] : "http://127.0.0.1:5182";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJsonContext.Default));
        var app = builder.Build();
        var answer = new BareVerdict("allow", false, "Aucun rappel en cours ne concerne cette boîte.", "Délivrer normalement.", []);
        app.MapPost("/api/v1/check", (BareCheck check) => string.IsNullOrEmpty(check.Code)
            ? Results.BadRequest()
            : Results.Json(answer, BareJsonContext.Default.BareVerdict));
        await app.RunAsync().ConfigureAwait(false);
    }

    internal sealed record BareCheck(string? Code);

    internal sealed record BareVerdict(string Verdict, bool NeedsManualCheck, string Message, string Action, string[] Recalls);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(BareCheck))]
    [JsonSerializable(typeof(BareVerdict))]
    internal sealed partial class BareJsonContext : JsonSerializerContext;
}
