using System.Globalization;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.AclSante.Wire;

namespace RecallHub.Sources.AclSante;

/// <summary>The plugin's settings (the <c>settings</c> of its entry in <c>plugins.json</c>), with their defaults.</summary>
internal sealed record AclSanteOptions
{
    /// <summary>The portal's API root; required (the real address is given with the API token).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The API token, read from the environment (<c>"token": "env:ACL_SANTE_TOKEN"</c>).</summary>
    public required string Token { get; init; }

    /// <summary>The header carrying the token; default <c>Authorization</c>.</summary>
    public string TokenHeader { get; init; } = "Authorization";

    /// <summary>The scheme before the token; default <c>Bearer</c>; <see langword="null"/> (setting <c>"none"</c>) sends the token alone.</summary>
    public string? TokenScheme { get; init; } = "Bearer";

    /// <summary>Notices asked per page; default 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Pages read in one fetch before handing over to the hub (which fetches again at once); default 20.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>How far before the checkpoint each pull asks again; default 10 minutes.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>First pull only: ask for notices updated since this date; default none (everything the portal holds).</summary>
    public DateOnly? FirstLoadSince { get; init; }

    /// <summary>Attempts per request on 5xx, 408, 429, timeouts and connection failures; default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first retry's delay, doubled at each attempt (capped at one minute); default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The wire mapping (settings <c>format</c> and <c>fields</c>).</summary>
    public WireMapping Mapping { get; init; } = new();

    /// <summary>Reads the settings.</summary>
    /// <exception cref="PluginConfigurationException">A setting is wrong or missing; the message names it.</exception>
    public static AclSanteOptions Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseUrl = settings.GetUri("base_url");
        // The token must not cross the network in clear; plain HTTP is only for a portal on this machine (tests).
        if (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback)
        {
            throw Wrong(settings, "base_url", $"an https URL (the API token is sent with every request), not '{baseUrl}'");
        }

        string? scheme = settings.GetString("token_scheme", "Bearer");
        var options = new AclSanteOptions
        {
            BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"),
            Token = settings.GetSecret("token"),
            TokenHeader = settings.GetString("token_header", "Authorization")!,
            TokenScheme = string.Equals(scheme, "none", StringComparison.OrdinalIgnoreCase) ? null : scheme,
            PageSize = settings.GetInt32("page_size", 100),
            MaxPages = settings.GetInt32("max_pages", 20),
            Overlap = settings.GetDuration("overlap", TimeSpan.FromMinutes(10)),
            MaxAttempts = settings.GetInt32("max_attempts", 4),
            RetryDelay = settings.GetDuration("retry_delay", TimeSpan.FromSeconds(2)),
            Mapping = WireMapping.Read(settings),
        };

        if (settings.GetString("first_load_since", null) is { } since)
        {
            options = options with
            {
                FirstLoadSince = DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw Wrong(settings, "first_load_since", $"a date written yyyy-MM-dd, not '{since}'"),
            };
        }

        if (options.PageSize is < 1 or > 1000)
        {
            throw Wrong(settings, "page_size", $"between 1 and 1000, not {options.PageSize}");
        }

        if (options.MaxPages is < 1 or > 1000)
        {
            throw Wrong(settings, "max_pages", $"between 1 and 1000, not {options.MaxPages}");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            throw Wrong(settings, "max_attempts", $"between 1 and 10, not {options.MaxAttempts}");
        }

        if (options.TokenHeader.Any(c => c is ' ' or ':' || char.IsControl(c)))
        {
            throw Wrong(settings, "token_header", $"an HTTP header name, not '{options.TokenHeader}'");
        }

        return options;
    }

    private static PluginConfigurationException Wrong(PluginSettings settings, string name, string expected) =>
        new($"Setting '{name}' of plugin '{settings.PluginId}' must be {expected}.");
}
