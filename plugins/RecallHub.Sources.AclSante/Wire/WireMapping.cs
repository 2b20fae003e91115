using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.AclSante.Fsn;
using RecallHub.Sources.AclSante.Units;

namespace RecallHub.Sources.AclSante.Wire;

/// <summary>
/// The whole wire format of the ACL Santé feed in one place: the request's path and parameters, the response
/// envelope, and where each Field Safety Notice item sits in a record. Documented in <c>docs/sources.md</c>
/// (<c>## ACL Santé</c>).
/// </summary>
/// <remarks>
/// <para>The portal's real format is not public. Format <see cref="FormatV1"/> is RecallHub's model of the EU FSN
/// content; every name below can be replaced through the plugin's <c>fields</c> setting (<c>"device.udi_di":
/// "udi.di"</c>) so that the plugin follows the real specification without a new release. A name is a dot path into
/// the JSON (<c>manufacturer.name</c>); <c>|</c> separates alternatives, the first present wins.</para>
/// <para>Reading is tolerant: unknown members are ignored, numbers and strings are interchangeable, a list may be a
/// JSON array or one text separated by commas, semicolons, bars or line breaks. What cannot be read is reported in
/// <see cref="FieldSafetyNotice.Problems"/>; only a record without a reference or an issue date is unreadable.</para>
/// </remarks>
internal sealed class WireMapping
{
    /// <summary>The format this mapping reads by default.</summary>
    public const string FormatV1 = "acl-sante-fsn/1";

    /// <summary>Every name of format <see cref="FormatV1"/>, by key; the <c>fields</c> setting replaces any of them.</summary>
    public static readonly FrozenDictionary<string, string> DefaultNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["request.path"] = "notices",
        ["request.since"] = "updated_since",
        ["request.cursor"] = "cursor",
        ["request.page_size"] = "limit",
        ["response.format"] = "format",
        ["response.notices"] = "notices",
        ["response.next"] = "next_cursor|next",
        ["reference"] = "reference|fsca_reference",
        ["original_reference"] = "original_reference",
        ["version"] = "version",
        ["type"] = "fsn_type|type",
        ["issue_date"] = "issue_date",
        ["updated_at"] = "updated_at",
        ["title"] = "title",
        ["action_type"] = "action_type|type_of_action",
        ["alert_number"] = "authority_reference|ansm_reference",
        ["manufacturer"] = "manufacturer.name|manufacturer",
        ["recipients"] = "attention_to|recipients",
        ["devices"] = "devices",
        ["device.trade_name"] = "trade_name|commercial_name",
        ["device.udi_di"] = "udi_di|udi_dis",
        ["device.acl13"] = "acl13|acl13s",
        ["device.gtin"] = "gtin|gtins",
        ["device.catalogue_numbers"] = "catalogue_numbers|catalogue_number|model_numbers",
        ["device.lots"] = "lots",
        ["device.lot_ranges"] = "lot_ranges",
        ["device.serials"] = "serials|serial_numbers",
        ["device.expiry_range"] = "expiry_range",
        ["device.production_range"] = "production_range",
        ["device.all_units"] = "all_units",
        ["lot.number"] = "lot|number",
        ["lot.expiry"] = "expiry|expiry_date",
        ["range.first"] = "first|from",
        ["range.last"] = "last|to",
        ["problem"] = "problem|product_problem",
        ["risk"] = "risk|predicted_risk",
        ["user_actions"] = "user_actions",
        ["action.code"] = "action|code",
        ["action.text"] = "text|description",
        ["action.deadline"] = "deadline",
        ["action_deadline"] = "user_action_deadline",
        ["reply.required"] = "reply.required|customer_reply_required",
        ["reply.deadline"] = "reply.deadline|reply_deadline",
        ["reply.form_url"] = "reply.form_url",
        ["attachments"] = "attachments",
        ["attachment.url"] = "url",
        ["attachment.title"] = "title|name",
        ["values.new"] = "new|initial|nouveau|nouvel_avis",
        ["values.follow_up"] = "follow_up|follow-up|update|suivi|mise_a_jour|mise à jour",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly char[] ListSeparators = [',', ';', '|', '\n', '\r'];

    private readonly FrozenDictionary<string, string[]> _paths;

    /// <summary>Creates the mapping of <paramref name="format"/> with some names replaced.</summary>
    /// <param name="overrides">Names replaced, by key of <see cref="DefaultNames"/>.</param>
    /// <param name="format">The format expected in responses.</param>
    /// <exception cref="ArgumentException">A key is not one of <see cref="DefaultNames"/>.</exception>
    public WireMapping(IReadOnlyDictionary<string, string>? overrides = null, string format = FormatV1)
    {
        var names = new Dictionary<string, string>(DefaultNames, StringComparer.Ordinal);
        foreach (var (key, name) in overrides ?? FrozenDictionary<string, string>.Empty)
        {
            names[DefaultNames.ContainsKey(key) ? key : throw new ArgumentException($"'{key}' is not a field of the ACL Santé wire mapping.", nameof(overrides))] = name;
        }

        _paths = names.ToFrozenDictionary(
            p => p.Key,
            p => p.Value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StringComparer.Ordinal);
        Format = format;
    }

    /// <summary>The format expected in responses (<see cref="FormatV1"/> unless the <c>format</c> setting says otherwise).</summary>
    public string Format { get; }

    /// <summary>The path of the notices endpoint, relative to the portal's base URL.</summary>
    public string RequestPath => Name("request.path");

    /// <summary>The query parameter carrying the checkpoint (minus the overlap).</summary>
    public string SinceParameter => Name("request.since");

    /// <summary>The query parameter carrying the next page's cursor.</summary>
    public string CursorParameter => Name("request.cursor");

    /// <summary>The query parameter carrying the page size.</summary>
    public string PageSizeParameter => Name("request.page_size");

    /// <summary>Reads the <c>fields</c> and <c>format</c> settings.</summary>
    /// <exception cref="PluginConfigurationException">A field key is unknown or a name is not a non-empty string.</exception>
    public static WireMapping Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = settings.AsJson();
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("fields", out var fields) && fields.ValueKind != JsonValueKind.Null)
        {
            if (fields.ValueKind != JsonValueKind.Object)
            {
                throw new PluginConfigurationException($"Setting 'fields' of plugin '{settings.PluginId}' must be an object of wire names by field key.");
            }

            foreach (var field in fields.EnumerateObject())
            {
                if (!DefaultNames.ContainsKey(field.Name))
                {
                    throw new PluginConfigurationException(
                        $"Setting 'fields.{field.Name}' of plugin '{settings.PluginId}' is not a field of the wire mapping; known fields: {string.Join(", ", DefaultNames.Keys.Order(StringComparer.Ordinal))}.");
                }

                overrides[field.Name] = field.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(field.Value.GetString())
                    ? field.Value.GetString()!
                    : throw new PluginConfigurationException($"Setting 'fields.{field.Name}' of plugin '{settings.PluginId}' must be a non-empty string (a dot path, '|' between alternatives).");
            }
        }

        return new WireMapping(overrides, settings.GetString("format", FormatV1)!);
    }

    /// <summary>
    /// The records of a response or saved payload: the envelope's notices, a JSON array of records, or one record.
    /// </summary>
    /// <exception cref="FormatException">The payload is none of these.</exception>
    public IReadOnlyList<JsonElement> Records(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray()];
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            if (Find(root, "response.notices") is { } notices)
            {
                return notices.ValueKind == JsonValueKind.Array
                    ? [.. notices.EnumerateArray()]
                    : throw new FormatException($"the envelope's '{Name("response.notices")}' is a JSON {Kind(notices)}, not an array of notices.");
            }

            if (Find(root, "reference") is not null)
            {
                return [root];
            }
        }

        throw new FormatException($"expected an envelope with '{Name("response.notices")}', an array of notices or one notice (format {Format}), not a JSON {Kind(root)} without them.");
    }

    /// <summary>The next page's cursor or URL, or <see langword="null"/> on the last page.</summary>
    public string? NextPage(JsonElement root) => root.ValueKind == JsonValueKind.Object ? Text(root, "response.next") : null;

    /// <summary>A sentence when the response declares a format other than <see cref="Format"/>; otherwise <see langword="null"/>.</summary>
    public string? FormatMismatch(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && Text(root, "response.format") is { } declared && !string.Equals(declared, Format, StringComparison.OrdinalIgnoreCase)
            ? $"The feed declares format '{declared}' but the plugin reads '{Format}': check the wire mapping (setting 'fields') against the portal's specification."
            : null;

    /// <summary>Reads one record.</summary>
    public WireRecord Read(JsonElement record)
    {
        string raw = record.GetRawText();
        if (record.ValueKind != JsonValueKind.Object)
        {
            return new WireRecord(null, $"the record is a JSON {Kind(record)}, not an object", null, null, raw);
        }

        var problems = new List<string>();
        string? reference = Text(record, "original_reference") ?? Text(record, "reference");
        string? issueText = Text(record, "issue_date");
        var issued = WireDates.ParseInstant(issueText);
        var updated = Instant(record, "updated_at", problems);
        if (reference is null || issued is null)
        {
            string why = reference is null
                ? $"it has no {Name("reference")}"
                : issueText is null ? $"it has no {Name("issue_date")}" : $"its {Name("issue_date")} '{issueText}' is not a date";
            return new WireRecord(null, why, reference, updated ?? issued, raw);
        }

        var notice = new FieldSafetyNotice
        {
            Reference = reference,
            Type = Type(record, problems),
            Version = Version(record, problems),
            IssueDate = issued.Value,
            UpdatedAt = updated,
            Title = Text(record, "title"),
            ActionType = Text(record, "action_type"),
            AlertNumber = Text(record, "alert_number"),
            Manufacturer = Text(record, "manufacturer"),
            Recipients = Strings(record, "recipients"),
            Devices = Devices(record, problems),
            Problem = Text(record, "problem"),
            Risk = Text(record, "risk"),
            UserActions = UserActions(record, problems),
            ActionDeadline = Day(record, "action_deadline", problems),
            ReplyRequired = Boolean(record, "reply.required", problems),
            ReplyDeadline = Day(record, "reply.deadline", problems),
            ReplyFormUrl = Text(record, "reply.form_url"),
            Attachments = Attachments(record, problems),
            Problems = problems,
        };
        return new WireRecord(notice, null, reference, updated ?? issued, raw);
    }

    private FsnType Type(JsonElement record, List<string> problems)
    {
        string? type = Text(record, "type");
        if (type is null || Matches(type, "values.new"))
        {
            return FsnType.New;
        }

        if (Matches(type, "values.follow_up"))
        {
            return FsnType.FollowUp;
        }

        problems.Add($"Its {Name("type")} '{type}' is neither new ({Name("values.new")}) nor a follow-up ({Name("values.follow_up")}); read from its version.");
        return Version(record, []) is > 1 ? FsnType.FollowUp : FsnType.New;
    }

    private int? Version(JsonElement record, List<string> problems)
    {
        string? text = Text(record, "version");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int version) && version >= 1)
        {
            return version;
        }

        problems.Add($"Its {Name("version")} '{text}' is not a whole number from 1.");
        return null;
    }

    private List<AffectedDevice> Devices(JsonElement record, List<string> problems)
    {
        var devices = new List<AffectedDevice>();
        if (Find(record, "devices") is not { } list)
        {
            problems.Add($"It lists no devices ({Name("devices")}).");
            return devices;
        }

        var items = list.ValueKind switch
        {
            JsonValueKind.Array => [.. list.EnumerateArray()],
            JsonValueKind.Object => [list],
            _ => new List<JsonElement>(),
        };
        if (list.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            problems.Add($"Its {Name("devices")} is a JSON {Kind(list)}, not a list of devices.");
        }

        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"Device {i + 1} is a JSON {Kind(item)}, not an object.");
                continue;
            }

            string who = Text(item, "device.trade_name") is { } name ? $"Device {i + 1} ({name})" : $"Device {i + 1}";
            devices.Add(new AffectedDevice
            {
                TradeName = Text(item, "device.trade_name"),
                UdiDis = Strings(item, "device.udi_di"),
                Acl13s = Strings(item, "device.acl13"),
                Gtins = Strings(item, "device.gtin"),
                CatalogueNumbers = Strings(item, "device.catalogue_numbers"),
                Lots = Lots(item, who, problems),
                LotRanges = Ranges(item, "device.lot_ranges", who, problems),
                Serials = Ranges(item, "device.serials", who, problems),
                ExpiryRange = DateRange(item, "device.expiry_range", who, problems),
                ProductionRange = DateRange(item, "device.production_range", who, problems),
                AllUnits = Boolean(item, "device.all_units", problems),
            });
        }

        return devices;
    }

    private List<WireLot> Lots(JsonElement device, string who, List<string> problems)
    {
        var lots = new List<WireLot>();
        foreach (var item in Items(device, "device.lots"))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                if (Text(item, "lot.number") is { } lot)
                {
                    lots.Add(new WireLot(lot, Day(item, "lot.expiry", problems)));
                }
                else
                {
                    problems.Add($"{who}: a lot object has no {Name("lot.number")}: {item.GetRawText()}");
                }
            }
            else if (Scalar(item) is { } text)
            {
                lots.AddRange(LotListParser.Parse(text).Select(l => new WireLot(l)));
            }
        }

        return lots;
    }

    private List<WireRange> Ranges(JsonElement device, string key, string who, List<string> problems)
    {
        var ranges = new List<WireRange>();
        foreach (var item in Items(device, key))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                string? first = Text(item, "range.first");
                string? last = Text(item, "range.last");
                if (first is null && last is null)
                {
                    problems.Add($"{who}: a range of {Name(key)} has neither {Name("range.first")} nor {Name("range.last")}: {item.GetRawText()}");
                }
                else
                {
                    ranges.Add(new WireRange(null, first, last));
                }
            }
            else if (Scalar(item) is { } text)
            {
                ranges.AddRange(text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => new WireRange(t)));
            }
        }

        return ranges;
    }

    private (DateOnly? From, DateOnly? To)? DateRange(JsonElement device, string key, string who, List<string> problems)
    {
        if (Find(device, key) is not { } value)
        {
            return null;
        }

        string? from;
        string? to;
        if (value.ValueKind == JsonValueKind.Object)
        {
            (from, to) = (Text(value, "range.first"), Text(value, "range.last"));
        }
        else if (Scalar(value) is { } text && SerialRangeParser.Parse(text, out _) is { } ends)
        {
            (from, to) = (ends.First, ends.Last);
        }
        else
        {
            problems.Add($"{who}: its {Name(key)} is a JSON {Kind(value)}, not a range of dates.");
            return null;
        }

        var range = (From: WireDates.ParseBound(from, isEnd: false), To: WireDates.ParseBound(to, isEnd: true));
        if ((from is not null && range.From is null) || (to is not null && range.To is null) || range is (null, null))
        {
            problems.Add($"{who}: its {Name(key)} '{from}'–'{to}' is not a range of dates (yyyy-MM-dd, dd/MM/yyyy or a month yyyy-MM).");
            return null;
        }

        return range;
    }

    private List<UserAction> UserActions(JsonElement record, List<string> problems)
    {
        var actions = new List<UserAction>();
        foreach (var item in Items(record, "user_actions"))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                var action = new UserAction(Text(item, "action.code"), Text(item, "action.text"), Day(item, "action.deadline", problems));
                if (action.Code is null && action.Text is null)
                {
                    problems.Add($"A user action has neither {Name("action.code")} nor {Name("action.text")}: {item.GetRawText()}");
                }
                else
                {
                    actions.Add(action);
                }
            }
            else if (Scalar(item) is { } text)
            {
                // A bare word is a template code (quarantine_device), anything else the manufacturer's own words.
                bool isCode = text.All(c => char.IsAsciiLetterLower(c) || c == '_');
                actions.Add(isCode ? new UserAction(text, null, null) : new UserAction(null, text, null));
            }
        }

        return actions;
    }

    private List<Attachment> Attachments(JsonElement record, List<string> problems)
    {
        var attachments = new List<Attachment>();
        foreach (var item in Items(record, "attachments"))
        {
            string? url = item.ValueKind == JsonValueKind.Object ? Text(item, "attachment.url") : Scalar(item);
            if (url is null)
            {
                problems.Add($"An attachment has no {Name("attachment.url")}: {item.GetRawText()}");
                continue;
            }

            attachments.Add(new Attachment(url, item.ValueKind == JsonValueKind.Object ? Text(item, "attachment.title") : null));
        }

        return attachments;
    }

    private DateTimeOffset? Instant(JsonElement record, string key, List<string> problems)
    {
        string? text = Text(record, key);
        var instant = WireDates.ParseInstant(text);
        if (text is not null && instant is null)
        {
            problems.Add($"Its {Name(key)} '{text}' is not a date.");
        }

        return instant;
    }

    private DateOnly? Day(JsonElement element, string key, List<string> problems)
    {
        string? text = Text(element, key);
        var day = WireDates.ParseDay(text);
        if (text is not null && day is null)
        {
            problems.Add($"Its {Name(key)} '{text}' is not a date.");
        }

        return day;
    }

    private bool Boolean(JsonElement element, string key, List<string> problems)
    {
        if (Find(element, key) is not { } value)
        {
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
        }

        string? text = Scalar(value)?.ToLowerInvariant();
        if (text is "true" or "1" or "oui" or "yes")
        {
            return true;
        }

        if (text is not ("false" or "0" or "non" or "no"))
        {
            problems.Add($"Its {Name(key)} '{value.GetRawText()}' is not true or false; read as false.");
        }

        return false;
    }

    private List<string> Strings(JsonElement element, string key) =>
        [.. Items(element, key)
            .Select(Scalar)
            .OfType<string>()
            .SelectMany(t => t.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private IEnumerable<JsonElement> Items(JsonElement element, string key) =>
        Find(element, key) switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
            { } one => [one],
            null => [],
        };

    private string? Text(JsonElement element, string key) => Find(element, key) is { } value ? Scalar(value) : null;

    private bool Matches(string value, string key) =>
        _paths[key].Any(v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase));

    // The first alternative present (and not null) wins; a dot walks into objects.
    private JsonElement? Find(JsonElement element, string key)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (string path in _paths[key])
        {
            var current = element;
            bool found = true;
            foreach (string step in path.Split('.'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
                {
                    found = false;
                    break;
                }
            }

            if (found && current.ValueKind != JsonValueKind.Null)
            {
                return current;
            }
        }

        return null;
    }

    private string Name(string key) => string.Join("|", _paths[key]);

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
}
