using System.Globalization;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.RappelConso.Mapping;

namespace RecallHub.Sources.RappelConso;

/// <summary>The plugin's settings (the <c>settings</c> of its entry in <c>plugins.json</c>), with their defaults.</summary>
internal sealed record RappelConsoOptions
{
    /// <summary>The API's cap: <c>offset + limit</c> of the <c>records</c> endpoint may not exceed it.</summary>
    public const int OffsetCap = 10_000;

    /// <summary>The portal; default <c>https://data.economie.gouv.fr</c>.</summary>
    public Uri BaseUrl { get; init; } = new("https://data.economie.gouv.fr");

    /// <summary>The dataset; default <c>rappelconso-v2-gtin-espaces</c> (one row per notice).</summary>
    public string Dataset { get; init; } = "rappelconso-v2-gtin-espaces";

    /// <summary>How far before the checkpoint each pull starts again; default 2 days.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Records per page (the API allows 100 at most); default 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>First pull only: skip notices published before this date; default none (the whole dataset).</summary>
    public DateOnly? FirstLoadSince { get; init; }

    /// <summary>The categories kept; default <see cref="PharmacyRelevance.DefaultCategories"/>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = PharmacyRelevance.DefaultCategories;

    /// <summary>GTINs or GTIN prefixes always kept; default none.</summary>
    public IReadOnlyList<string> AlwaysKeepGtins { get; init; } = [];

    /// <summary>Attempts per request; default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first retry's delay, doubled at each attempt; default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reads the settings.</summary>
    /// <exception cref="PluginConfigurationException">A setting is wrong; the message names it.</exception>
    public static RappelConsoOptions Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new RappelConsoOptions();
        var options = defaults with
        {
            BaseUrl = settings.Contains("base_url") ? settings.GetUri("base_url") : defaults.BaseUrl,
            Dataset = settings.GetString("dataset", defaults.Dataset)!,
            Overlap = settings.GetDuration("overlap", defaults.Overlap),
            PageSize = settings.GetInt32("page_size", defaults.PageSize),
            Categories = settings.Contains("categories") ? settings.GetStrings("categories") : defaults.Categories,
            AlwaysKeepGtins = settings.GetStrings("always_keep_gtins"),
            MaxAttempts = settings.GetInt32("max_attempts", defaults.MaxAttempts),
            RetryDelay = settings.GetDuration("retry_delay", defaults.RetryDelay),
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

        if (options.PageSize is < 1 or > 100)
        {
            throw Wrong(settings, "page_size", $"between 1 and 100 (the API's limit), not {options.PageSize}");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            throw Wrong(settings, "max_attempts", $"between 1 and 10, not {options.MaxAttempts}");
        }

        if (options.AlwaysKeepGtins.FirstOrDefault(g => g.Length is 0 or > 14 || !g.All(char.IsAsciiDigit)) is { } bad)
        {
            throw Wrong(settings, "always_keep_gtins", $"a list of GTINs or GTIN prefixes (1 to 14 digits); '{bad}' is not one");
        }

        if (options.Categories.Any(string.IsNullOrWhiteSpace))
        {
            throw Wrong(settings, "categories", "a list of non-empty \"category\" or \"category > sub-category\" entries");
        }

        return options;
    }

    private static PluginConfigurationException Wrong(PluginSettings settings, string name, string expected) =>
        new($"Setting '{name}' of plugin '{settings.PluginId}' must be {expected}.");
}
