using RecallHub.Host.Plugins;

namespace RecallHub.Host.Web;

/// <summary>Builds the hub's ASP.NET Core application.</summary>
internal static class HubWebApplication
{
    public static WebApplication Build(string urls, TimeProvider timeProvider, PluginCatalog? plugins = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // Request-by-request framework logs drown the hub's own; keep the framework's warnings and errors.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddSingleton(new HubStartTime(timeProvider.GetUtcNow()));
        if (plugins is not null)
        {
            builder.Services.AddSingleton(plugins);
        }

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, HubJsonContext.Default);
        });

        var app = builder.Build();
        app.MapHealth();
        return app;
    }
}
