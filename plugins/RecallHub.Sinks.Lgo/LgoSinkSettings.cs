using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo;

/// <summary>
/// The LGO sink's settings, read once at start from its entry in <c>plugins.json</c>. Each mode is on when its
/// setting is present: <c>webhook_url</c> for the push, <c>file_drop_folder</c> for the file of blocked codes; at
/// least one is needed.
/// </summary>
internal sealed record LgoSinkSettings
{
    /// <summary>Events pushed when <c>webhook_events</c> is not set: blocks, unblocks and recalls.</summary>
    public static readonly IReadOnlySet<HubEventType> DefaultWebhookEvents = new HashSet<HubEventType>
    {
        HubEventType.RecallReceived, HubEventType.RecallRevised, HubEventType.StockBlocked, HubEventType.StockUnblocked,
    };

    /// <summary>The LGO's webhook, or <see langword="null"/> when the push is off.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>The HMAC-SHA256 key shared with the LGO (from <c>webhook_secret</c>, normally <c>env:…</c>).</summary>
    public string WebhookSecret { get; init; } = "";

    /// <summary>The event types pushed; default <see cref="DefaultWebhookEvents"/>.</summary>
    public IReadOnlySet<HubEventType> WebhookEvents { get; init; } = DefaultWebhookEvents;

    /// <summary>How long one request may take; default 10 s.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests for one event within one delivery before the batch goes back to the hub's retries; default 3.</summary>
    public int WebhookTriesPerDelivery { get; init; } = 3;

    /// <summary>The pause before the second try within one delivery, doubled for each further try; default 1 s.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Failed requests for one event after which it goes to the dead letters; default 30.</summary>
    public int DeadLetterAfter { get; init; } = 30;

    /// <summary>Where the files of blocked codes are kept, or <see langword="null"/> when the file drop is off.</summary>
    public string? FileDropFolder { get; init; }

    /// <summary>Where the dead letters are shown; default <c>dead-letter.json</c> in the file drop folder, if any.</summary>
    public string? DeadLetterFile { get; init; }

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="PluginConfigurationException">A setting is wrong, or no mode is on.</exception>
    public static LgoSinkSettings Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var webhookUrl = settings.Contains("webhook_url") ? settings.GetUri("webhook_url") : null;
        string? folder = settings.GetString("file_drop_folder", null) is { } text ? Path.GetFullPath(text) : null;
        if (webhookUrl is null && folder is null)
        {
            throw new PluginConfigurationException(
                $"Plugin '{settings.PluginId}' has nothing to do: set \"webhook_url\" (push to the LGO), \"file_drop_folder\" (file of blocked codes), or both.");
        }

        var read = new LgoSinkSettings
        {
            WebhookUrl = webhookUrl,
            WebhookSecret = webhookUrl is null ? "" : settings.GetSecret("webhook_secret"),
            WebhookEvents = ReadEventTypes(settings),
            WebhookTimeout = settings.GetDuration("webhook_timeout", TimeSpan.FromSeconds(10)),
            WebhookTriesPerDelivery = settings.GetInt32("webhook_tries_per_delivery", 3),
            WebhookRetryDelay = settings.GetDuration("webhook_retry_delay", TimeSpan.FromSeconds(1)),
            DeadLetterAfter = settings.GetInt32("dead_letter_after", 30),
            FileDropFolder = folder,
            DeadLetterFile = settings.GetString("dead_letter_file", null) is { } file
                ? Path.GetFullPath(file)
                : folder is null ? null : Path.Combine(folder, DeadLetters.DeadLetterList.FileName),
        };

        if (read.WebhookSecret.Length is > 0 and < 16)
        {
            throw new PluginConfigurationException($"Setting 'webhook_secret' of plugin '{settings.PluginId}' must be at least 16 characters: it signs what the LGO will trust.");
        }

        if (read.WebhookTimeout <= TimeSpan.Zero)
        {
            throw new PluginConfigurationException($"Setting 'webhook_timeout' of plugin '{settings.PluginId}' must be more than zero.");
        }

        if (read.WebhookTriesPerDelivery is < 1 or > 10)
        {
            throw new PluginConfigurationException($"Setting 'webhook_tries_per_delivery' of plugin '{settings.PluginId}' must be 1 to 10, not {read.WebhookTriesPerDelivery}.");
        }

        if (read.DeadLetterAfter < 1)
        {
            throw new PluginConfigurationException($"Setting 'dead_letter_after' of plugin '{settings.PluginId}' must be at least 1, not {read.DeadLetterAfter}.");
        }

        return read;
    }

    private static HashSet<HubEventType> ReadEventTypes(PluginSettings settings)
    {
        var names = settings.GetStrings("webhook_events");
        if (names.Count == 0)
        {
            return [.. DefaultWebhookEvents];
        }

        var known = Enum.GetValues<HubEventType>().ToDictionary(EventTypeNames.Of);
        var types = new HashSet<HubEventType>();
        foreach (string name in names)
        {
            types.Add(known.TryGetValue(name, out var type)
                ? type
                : throw new PluginConfigurationException(
                    $"Setting 'webhook_events' of plugin '{settings.PluginId}' lists '{name}', which is not an event type ({string.Join(", ", known.Keys)})."));
        }

        return types;
    }
}
