using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Host.Digest;
using RecallHub.Host.Engine;
using RecallHub.Host.Plugins;
using RecallHub.Host.Running;
using RecallHub.Host.Tenancy;
using RecallHub.Host.Web.Api;
using RecallHub.Host.Web.Api.Blocks;
using RecallHub.Host.Web.Api.Notices;
using RecallHub.Host.Web.Api.Plugins;
using RecallHub.Host.Web.Api.Recalls;
using RecallHub.Host.Web.Api.Scans;
using RecallHub.Host.Web.Api.Sources;
using RecallHub.Host.Web.Dashboard;
using RecallHub.Host.Web.Patients;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web;

/// <summary>Builds the hub's ASP.NET Core application.</summary>
internal static class HubWebApplication
{
    /// <param name="urls">Where to listen.</param>
    /// <param name="timeProvider">The hub's clock.</param>
    /// <param name="plugins">The loaded plugins, for the health report.</param>
    /// <param name="configuration">Settings that override appsettings.json and the environment (tests, the CLI).</param>
    /// <param name="store">The hub's store; the <c>/api/v1</c> endpoints are served only with one.</param>
    /// <exception cref="InvalidOperationException">A setting is wrong (an API key, the pharmacies…): the message names it.</exception>
    /// <param name="runPlugins">
    /// Start the plugins, pull the sources on their schedules and deliver the outbox to the sinks (<c>recallhub run</c>);
    /// without it only the HTTP API is served (<c>recallhub serve</c>). Needs a store.
    /// </param>
    public static WebApplication Build(
        string urls,
        TimeProvider timeProvider,
        PluginCatalog? plugins = null,
        IEnumerable<KeyValuePair<string, string?>>? configuration = null,
        IRecallHubStore? store = null,
        bool runPlugins = false)
    {
        if (runPlugins && store is null)
        {
            throw new ArgumentException("Running the plugins needs the store.", nameof(store));
        }

        var builder = WebApplication.CreateSlimBuilder();
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // Request-by-request framework logs drown the hub's own; keep the framework's warnings and errors.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
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

        // Read before the keys: a key naming a pharmacy is checked against the pharmacies this store can keep.
        var tenancy = store is null ? null : HubTenancy.Read(builder.Configuration, store.IsMultiPharmacy);
        builder.Services.AddApiKeySecurity(builder.Configuration, tenancy);
        if (tenancy is not null)
        {
            builder.Services.AddSingleton(tenancy);
            builder.Services.AddDashboardSecurity(tenancy);
        }

        builder.Services.AddSingleton(PatientKey.From(builder.Configuration));
        if (builder.Configuration[HubStoreOpener.PostgreSqlSetting] is { Length: > 0 } sharedDatabase)
        {
            // Several hosts behind one proxy: each must read the sign-in cookies and anti-forgery tokens the others wrote.
            builder.Services.AddDataProtection().SetApplicationName("RecallHub");
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgreSqlKeyRing(sharedDatabase));
        }

        if (store is not null)
        {
            builder.Services.AddHubEngine(store, plugins?.Sinks ?? HubSinks.None);
            builder.Services.AddHostedService<ActiveRecallsRefresher>();
            if (runPlugins)
            {
                builder.Services.AddSingleton(HubNode.Read(builder.Configuration));
                builder.Services.AddPluginRuntime(plugins ?? PluginCatalog.Empty, timeProvider, HealthEndpoint.Version, DigestOptions.Read(builder.Configuration), ScheduleStore.Read(builder.Configuration));
            }
        }

        // Problem bodies (RFC 9457) for errors no endpoint words itself: unknown routes, wrong methods, crashes.
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealth();
        if (store is not null)
        {
            app.MapCheck();
            app.MapScans();
            app.MapNotices();
            app.MapBlocks();
            app.MapRecalls();
            app.MapDashboard();
            if (runPlugins)
            {
                app.MapSourcePull();
                app.MapPluginQueries();
            }
        }
        return app;
    }
}
