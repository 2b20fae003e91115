using System.Globalization;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.Ansm.Listing;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm;

/// <summary>The ANSM plugin's settings (<c>settings</c> in <c>plugins.json</c>; schema in <c>plugin.json</c>).</summary>
internal sealed record AnsmSettings
{
    /// <summary>The listing page: <c>https://ansm.sante.fr/informations-de-securite/</c> unless set.</summary>
    public Uri BaseUrl { get; init; } = new("https://ansm.sante.fr/informations-de-securite/");

    /// <summary>The pause between two requests: 2 s unless set.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Categories kept (folded); empty keeps all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Health-product types kept (folded); empty keeps all.</summary>
    public IReadOnlyList<string> ProductTypes { get; init; } = [];

    /// <summary>Notices published before this date are ignored; the walk stops there.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Listing pages walked at most in one pull: 10 unless set.</summary>
    public int MaxPages { get; init; } = 10;

    /// <summary>Notice pages fetched per batch: 20 unless set.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>Retries after a 5xx, 408, 429 or a timeout: 3 unless set.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's pause, doubled at each retry: 5 s unless set.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether notices keep their page's HTML in <c>raw_payload</c>: yes unless set.</summary>
    public bool KeepRawPayload { get; init; } = true;

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="PluginConfigurationException">A setting is wrong; the message names it.</exception>
    public static AnsmSettings Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new AnsmSettings();
        var baseUrl = settings.Contains("base_url") ? settings.GetUri("base_url") : defaults.BaseUrl;
        string? since = settings.GetString("since", null);
        DateOnly? sinceDate = null;
        if (since is not null)
        {
            sinceDate = DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new PluginConfigurationException($"Setting 'since' of plugin '{settings.PluginId}' must be a date written yyyy-MM-dd, not \"{since}\".");
        }

        return new AnsmSettings
        {
            // Relative links resolve against the listing's folder: keep its trailing slash.
            BaseUrl = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl + "/"),
            Delay = settings.GetDuration("delay", defaults.Delay),
            Categories = [.. settings.GetStrings("categories").Select(FrenchText.Fold)],
            ProductTypes = [.. settings.GetStrings("product_types").Select(FrenchText.Fold)],
            Since = sinceDate,
            MaxPages = AtLeast(settings, "max_pages", defaults.MaxPages, 1),
            BatchSize = AtLeast(settings, "batch_size", defaults.BatchSize, 1),
            Retries = AtLeast(settings, "retries", defaults.Retries, 0),
            RetryDelay = settings.GetDuration("retry_delay", defaults.RetryDelay),
            KeepRawPayload = settings.GetBoolean("keep_raw_payload", defaults.KeepRawPayload),
        };
    }

    /// <summary>
    /// <see langword="true"/> when the card passes the category and product-type filters: its text contains one of the
    /// wanted ones, case and accents ignored.
    /// </summary>
    public bool Keeps(ListingCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Matches(Categories, card.Category) && Matches(ProductTypes, card.HealthProduct) && (Since is null || card.Date is null || card.Date >= Since);
    }

    private static bool Matches(IReadOnlyList<string> wanted, string? value) =>
        wanted.Count == 0 || (value is not null && wanted.Any(w => FrenchText.Fold(value).Contains(w, StringComparison.Ordinal)));

    private static int AtLeast(PluginSettings settings, string name, int defaultValue, int minimum)
    {
        int value = settings.GetInt32(name, defaultValue);
        return value >= minimum
            ? value
            : throw new PluginConfigurationException($"Setting '{name}' of plugin '{settings.PluginId}' must be {minimum} or more, not {value}.");
    }
}
