using System.Net.Http.Headers;

namespace RecallHub.Host.Plugins;

/// <summary>
/// HTTP clients for plugins: one named client per plugin, pooled by <see cref="IHttpClientFactory"/>, with a
/// User-Agent that names RecallHub and the plugin (sources ask for it to be polite and identifiable) and a timeout.
/// </summary>
internal static class PluginHttpClients
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    public static string ClientName(string pluginId) => "plugin:" + pluginId;

    /// <summary>Registers the named client of each plugin.</summary>
    public static IServiceCollection AddPluginHttpClients(this IServiceCollection services, IEnumerable<string> pluginIds, string hubVersion)
    {
        foreach (var id in pluginIds)
        {
            services.AddHttpClient(ClientName(id), client =>
            {
                client.Timeout = DefaultTimeout;
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("RecallHub", hubVersion));
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue($"(plugin {id}; +https://github.com/recallhub/recallhub)"));
            });
        }

        return services;
    }
}
