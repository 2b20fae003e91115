using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.RappelConso.Identification;
using RecallHub.Sources.RappelConso.Records;

namespace RecallHub.Sources.RappelConso.Mapping;

/// <summary>
/// Turns one RappelConso record into a <see cref="RecallNotice"/>: the whole mapping is here, documented in
/// <c>docs/sources.md</c>.
/// </summary>
/// <remarks>
/// A record is never dropped: one that cannot be understood becomes a low-confidence notice holding the raw record,
/// whose title says what is wrong, so that people see it on the dashboard (a state entry or a log line would be seen
/// by nobody at the counter). It has no product, so it blocks nothing.
/// </remarks>
internal static class RecordMapper
{
    /// <summary>The plugin's id, the notices' <see cref="RecallNotice.Source"/>.</summary>
    public const string Source = "rappelconso";

    // A consumer recall reaches the pharmacy's shelf and the people who bought the product.
    private const RecallLevels Levels = RecallLevels.Pharmacies | RecallLevels.Patients;

    /// <summary>Maps a record.</summary>
    /// <param name="record">The record as received.</param>
    /// <param name="seenAt">When the hub read it: the date of a record that gives none.</param>
    public static RecordReading Map(JsonElement record, DateTimeOffset seenAt)
    {
        string raw = record.GetRawText();
        if (record.ValueKind != JsonValueKind.Object)
        {
            return Unreadable(raw, null, null, seenAt, $"the record is a JSON {record.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        var fields = new RecordFields(record);
        string? id = fields.Text("numero_fiche") ?? fields.Text("id") ?? fields.Text("rappel_guid");
        var publishedAt = RappelConsoDates.ParseInstant(fields.Text("date_publication"));
        if (id is null || publishedAt is null)
        {
            string missing = id is null
                ? "it has no numero_fiche, id or rappel_guid"
                : fields.Text("date_publication") is { } text ? $"its date_publication '{text}' is not a date" : "it has no date_publication";
            return Unreadable(raw, id, publishedAt, seenAt, missing);
        }

        try
        {
            return Read(fields, raw, id, publishedAt.Value);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            return Unreadable(raw, id, publishedAt, seenAt, e.Message);
        }
    }

    private static RecordReading Read(RecordFields fields, string raw, string id, DateTimeOffset publishedAt)
    {
        var problems = new List<string>();
        var identification = fields.TryGet("identification_produits", out var value)
            ? IdentificationProduitsParser.Parse(value)
            : IdentificationReading.Empty;
        problems.AddRange(identification.Problems);
        if (identification.IsFreeText)
        {
            problems.Add("identification_produits is free text, not GTIN$lot$… entries: products read by heuristics.");
        }

        string? brand = fields.Text("marque_produit");
        var models = fields.List("modeles_ou_references", '¤', '|', '\n');
        string? label = Join(" – ", brand, models.Count > 0 ? string.Join("; ", models) : fields.Text("libelle"));
        var products = Products(identification, label, problems);
        if (products.Count == 0 && problems.Count == 0)
        {
            problems.Add("No product is identified (identification_produits is empty).");
        }

        string title = Title(fields, brand, models) ?? $"Fiche RappelConso {id}";
        long? numeroVersion = fields.Integer("numero_version");
        var notice = new RecallNotice
        {
            Source = Source,
            SourceId = id,
            // RappelConso numbers versions from 1 (a few fiches imported from RAPEX say 0): the hub's versions start at 1.
            Version = numeroVersion is > 1 and <= int.MaxValue ? (int)numeroVersion.Value : 1,
            Kind = NoticeKind.ConsumerRecall,
            PublishedAt = publishedAt,
            Title = title,
            Reason = fields.Text("motif_rappel"),
            Risk = Join(". ", Join(", ", [.. fields.List("risques_encourus", '|')]), fields.Text("description_complementaire_risque"), fields.Text("preconisations_sanitaires")),
            RecallLevels = Levels,
            Actions = Actions(fields),
            Links = Links(fields, problems),
            Products = products,
            IsLowConfidence = problems.Count > 0,
            RawPayload = raw,
        };

        // The mapping should always yield a valid notice; if a case slipped through, keep the record, never drop it.
        var invalid = RecallNoticeJson.Validate(notice);
        if (invalid.Count > 0)
        {
            return Unreadable(raw, id, publishedAt, publishedAt, string.Join("; ", invalid));
        }

        return new RecordReading(notice, problems, false, publishedAt, fields.Text("categorie_produit"), fields.Text("sous_categorie_produit"));
    }

    private static List<RecalledProduct> Products(IdentificationReading identification, string? label, List<string> problems)
    {
        var products = new List<RecalledProduct>();
        foreach (var group in identification.Entries.Where(e => e.Code.Length > 0).GroupBy(e => e.Gtin ?? e.Code))
        {
            var entries = group.ToList();
            string? gtin = entries[0].Gtin;
            var scheme = gtin is null ? CodeScheme.Reference : CodeScheme.Gtin;
            string? productLabel = gtin is null
                ? Join(" – ", label, $"code {group.Key} à vérifier : ce n'est pas un GTIN valide")
                : label;

            bool allLots = entries.Any(e => e.AllLots);
            var lots = entries
                .Where(e => e.Lot is not null)
                // A single date is the lot's DLC/DDM; a range cannot narrow one lot, so the lot stands alone.
                .Select(e => new LotEntry(e.Lot!, e.DateTo is null ? e.DateFrom : null))
                .Distinct()
                .ToList();
            var ranges = entries
                .Where(e => e.Lot is null && !e.AllLots && (e.DateFrom is not null || e.DateTo is not null))
                .Select(e => new DateRange(e.DateFrom, e.DateTo ?? e.DateFrom))
                .Distinct()
                .ToList();
            if (entries.Any(e => e.Lot is null && !e.AllLots && e.DateFrom is null && e.DateTo is null))
            {
                problems.Add($"{group.Key}: an entry gives neither a lot nor a date; every lot is taken as concerned.");
                allLots = true;
            }

            // One selector holds one expiry range: further ranges of the same product are further products.
            products.Add(new RecalledProduct(scheme, group.Key, productLabel, new LotSelector
            {
                AllLots = allLots,
                Lots = lots,
                ExpiryRange = allLots || ranges.Count == 0 ? null : ranges[0],
            }));
            if (!allLots)
            {
                products.AddRange(ranges.Skip(1).Select(range => new RecalledProduct(scheme, group.Key, productLabel, new LotSelector { ExpiryRange = range })));
            }
        }

        return products;
    }

    private static string? Title(RecordFields fields, string? brand, IReadOnlyList<string> models)
    {
        string? name = fields.Text("libelle") ?? (models.Count > 0 ? models[0] : null);
        return name is not null && brand is not null && !string.Equals(name, brand, StringComparison.OrdinalIgnoreCase)
            ? $"{name} – {brand}"
            : name ?? brand;
    }

    private static List<string> Actions(RecordFields fields)
    {
        var actions = fields.List("conduites_a_tenir_par_le_consommateur", '|').ToList();
        if (fields.List("modalites_de_compensation", '|') is { Count: > 0 } compensation)
        {
            actions.Add("Modalités de compensation : " + string.Join(", ", compensation));
        }

        if (fields.Text("numero_contact") is { } contact)
        {
            actions.Add("Contact : " + contact);
        }

        if (RappelConsoDates.ParseDay(fields.Text("date_de_fin_de_la_procedure_de_rappel")) is { } end)
        {
            actions.Add("Fin de la procédure de rappel : " + end.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        return actions;
    }

    private static List<NoticeLink> Links(RecordFields fields, List<string> problems)
    {
        var links = new List<NoticeLink>();
        void Add(string? url, string title)
        {
            if (url is null)
            {
                return;
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                links.Add(new NoticeLink(uri, title));
            }
            else
            {
                problems.Add($"Link '{url}' ({title}) is not an absolute http(s) URL; it stays in the raw record.");
            }
        }

        Add(fields.Text("lien_vers_la_fiche_rappel"), "Fiche RappelConso");
        Add(fields.Text("lien_vers_affichette_pdf"), "Affichette PDF");
        var images = fields.List("liens_vers_les_images", '|', ' ');
        for (int i = 0; i < images.Count; i++)
        {
            Add(images[i], images.Count == 1 ? "Photo du produit" : $"Photo du produit {i + 1}");
        }

        Add(fields.Text("lien_vers_la_liste_des_produits"), "Liste des produits");
        Add(fields.Text("lien_vers_la_liste_des_distributeurs"), "Liste des distributeurs");
        return links;
    }

    private static RecordReading Unreadable(string raw, string? id, DateTimeOffset? publishedAt, DateTimeOffset seenAt, string why)
    {
        // Without an id, the record's own bytes name it, so that the same broken record is the same notice each pull.
        string sourceId = id ?? "sans-id-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..16];
        var notice = new RecallNotice
        {
            Source = Source,
            SourceId = sourceId,
            Kind = NoticeKind.ConsumerRecall,
            PublishedAt = publishedAt ?? seenAt,
            Title = $"Fiche RappelConso {id ?? "sans identifiant"} illisible, à vérifier : {why}",
            RecallLevels = Levels,
            IsLowConfidence = true,
            RawPayload = raw,
        };
        return new RecordReading(notice, [$"Record {id ?? sourceId} could not be read: {why}."], true, publishedAt, null, null);
    }

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }
}
