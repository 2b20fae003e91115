using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Benchmarks.Sources;

/// <summary>
/// A made-up RappelConso <c>exports/json</c> payload shaped like the real dataset (rappelconso-v2-gtin-espaces): every
/// field of the real record, the categories a whole export holds (most of them outside a pharmacy's), and the forms of
/// <c>identification_produits</c> seen or expected — one entry or several joined by <c>|</c>, an array of entries,
/// <c>tous les lots</c>, DLC ranges, entries without lot or date, wrong check digits, V1 free text, empty. Values that
/// the CSV exports write as strings (<c>"id": "556"</c>) are strings in one record out of ten. The same seed gives the
/// same bytes.
/// </summary>
internal static class RappelConsoExport
{
    private static readonly (string Category, string SubCategory, int Weight)[] Categories =
    [
        ("alimentation", "viandes", 14),
        ("alimentation", "lait et produits laitiers", 10),
        ("alimentation", "plats préparés et snacks", 9),
        ("alimentation", "aliments diététiques et nutrition", 6),
        ("alimentation", "aliments infantiles", 2),
        ("alimentation", "fruits et légumes", 5),
        ("alimentation", "boissons non alcoolisées", 3),
        ("hygiène-beauté", "soins du corps et du visage", 6),
        ("hygiène-beauté", "maquillage", 2),
        ("bébés-enfants (hors alimentaire)", "puériculture", 3),
        ("jouets", "jouets pour enfants de moins de 3 ans", 8),
        ("appareils électriques et électroniques", "petit électroménager", 7),
        ("automobiles et moyens de déplacement", "voitures", 8),
        ("vêtements, mode, epi", "vêtements, textiles, accessoires de mode", 5),
        ("sports-loisirs", "articles de sport", 4),
        ("maison-habitat", "ameublement", 4),
    ];

    private static readonly string[] DateTypes =
        ["date limite de consommation", "date de durabilité minimale", "non concerné"];

    private static readonly string[] Reasons =
    [
        "présence de listeria monocytogenes",
        "présence d'oxyde d'éthylène à une teneur supérieure à la législation européenne.",
        "contamination microbiologique (pseudomonas aeruginosa) détectée lors d'un contrôle.",
        "présence de corps étrangers (morceaux de verre)",
        "risque d'étouffement : petites pièces détachables",
        "défaut de fixation pouvant entraîner une chute",
    ];

    /// <summary>The export of <paramref name="count"/> records, as the portal sends it (a JSON array, UTF-8, unescaped accents).</summary>
    public static string Generate(int count, int seed)
    {
        var random = new Random(seed);
        int totalWeight = Categories.Sum(c => c.Weight);
        var json = new StringBuilder(count * 2_600);
        json.Append('[');
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
        using var buffer = new MemoryStream();
        for (int i = 0; i < count; i++)
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                WriteRecord(writer, random, i, PickCategory(random, totalWeight));
            }

            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        return json.Append(']').ToString();
    }

    private static (string Category, string SubCategory, int Weight) PickCategory(Random random, int totalWeight)
    {
        int pick = random.Next(totalWeight);
        foreach (var category in Categories)
        {
            if ((pick -= category.Weight) < 0)
            {
                return category;
            }
        }

        return Categories[^1];
    }

    private static void WriteRecord(Utf8JsonWriter writer, Random random, int index, (string Category, string SubCategory, int Weight) category)
    {
        int id = 20_000 + index;
        bool csvStrings = random.Next(10) == 0;
        var published = new DateTimeOffset(2021, 4, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(index * 97 + random.Next(90));
        string fiche = $"{published.Year}-{published.Month:D2}-{index % 10_000:D4}";
        string brand = $"marque {Word(random)} {Word(random)}";
        string label = $"{Word(random)} {Word(random)} {random.Next(10, 500)} g";

        writer.WriteStartObject();
        WriteNumber(writer, "id", id, csvStrings);
        writer.WriteString("numero_fiche", fiche);
        WriteNumber(writer, "numero_version", random.Next(20) == 0 ? 2 : 1, csvStrings);
        writer.WriteString("nature_juridique_rappel", "volontaire (sans arrêté préfectoral)");
        writer.WriteString("categorie_produit", category.Category);
        writer.WriteString("sous_categorie_produit", category.SubCategory);
        writer.WriteString("marque_produit", brand);
        writer.WriteString("modeles_ou_references", random.Next(3) == 0 ? $"{label}¤{label} lot familial" : label);
        WriteIdentification(writer, random, published);
        writer.WriteString("conditionnements", $"boîte en carton de {random.Next(1, 60)} unités (poids net {random.Next(20, 900)} g)");
        writer.WriteString("date_debut_commercialisation", published.AddDays(-random.Next(30, 400)).ToString("yyyy-MM-dd'T'00:00:00+00:00", CultureInfo.InvariantCulture));
        writer.WriteString("date_date_fin_commercialisation", published.AddDays(-random.Next(0, 20)).ToString("yyyy-MM-dd'T'00:00:00+00:00", CultureInfo.InvariantCulture));
        writer.WriteString("temperature_conservation", random.Next(2) == 0 ? "produit à conserver au réfrigérateur" : "produit à conserver à température ambiante");
        writer.WriteString("marque_salubrite", random.Next(4) == 0 ? $"FR {random.Next(10, 99)}.{random.Next(100, 999)}.{random.Next(100, 999)} CE" : "");
        writer.WriteString("informations_complementaires", "");
        writer.WriteString("zone_geographique_de_vente", "france entière");
        writer.WriteString("distributeurs", "pharmacies, parapharmacies indépendantes et gms (carrefour, auchan, système u, leclerc).");
        writer.WriteString("motif_rappel", Reasons[random.Next(Reasons.Length)]);
        writer.WriteString("risques_encourus", random.Next(2) == 0 ? "listeria monocytogenes (agent responsable de la listériose)" : "microbiologique - autres|infection");
        writer.WriteString("preconisations_sanitaires", random.Next(3) == 0 ? "les personnes qui auraient consommé les produits mentionnés ci-dessus et qui présenteraient de la fièvre sont invitées à consulter leur médecin traitant." : "");
        writer.WriteString("description_complementaire_risque", "");
        writer.WriteString("conduites_a_tenir_par_le_consommateur", "ne plus consommer|rapporter le produit au point de vente|contacter le service consommateur");
        writer.WriteString("numero_contact", $"0800{random.Next(100_000, 999_999)}");
        writer.WriteString("modalites_de_compensation", "remboursement|echange");
        writer.WriteString("date_de_fin_de_la_procedure_de_rappel", published.AddDays(random.Next(14, 90)).ToString("yyyy-MM-dd'T'00:00:00+00:00", CultureInfo.InvariantCulture));
        writer.WriteString("informations_complementaires_publiques", "");
        writer.WriteString("liens_vers_les_images", string.Join('|', Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"https://rappel.conso.gouv.fr/image/{Guid(random)}.jpg")));
        writer.WriteString("lien_vers_la_liste_des_produits", "");
        writer.WriteString("lien_vers_la_liste_des_distributeurs", random.Next(3) == 0 ? $"https://rappel.conso.gouv.fr/document/{Guid(random)}/interne/listedesdistributeurs" : "");
        writer.WriteString("lien_vers_affichette_pdf", $"https://rappel.conso.gouv.fr/affichettepdf/{id}/interne");
        writer.WriteString("lien_vers_la_fiche_rappel", $"https://rappel.conso.gouv.fr/fiche-rappel/{id}/interne");
        writer.WriteString("rappel_guid", Guid(random));
        writer.WriteString("date_publication", published.ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", CultureInfo.InvariantCulture));
        writer.WriteString("libelle", label);
        writer.WriteEndObject();
    }

    private static void WriteIdentification(Utf8JsonWriter writer, Random random, DateTimeOffset published)
    {
        const string Name = "identification_produits";
        int form = random.Next(100);
        string gtin = Gtin(random);
        switch (form)
        {
            case < 35: // one entry, a lot and its DLC or DDM
                writer.WriteString(Name, Entry(gtin, Lot(random), random, published));
                break;
            case < 55: // several entries joined by |, one or more GTINs
                writer.WriteString(Name, string.Join('|', Enumerable.Range(0, random.Next(2, 7)).Select(_ => Entry(random.Next(3) == 0 ? Gtin(random) : gtin, Lot(random), random, published))));
                break;
            case < 72: // the array form of the v2.1 API
                writer.WriteStartArray(Name);
                for (int i = random.Next(1, 6); i > 0; i--)
                {
                    writer.WriteStringValue(Entry(gtin, Lot(random), random, published));
                }

                writer.WriteEndArray();
                break;
            case < 80:
                writer.WriteString(Name, $"{gtin}${(random.Next(2) == 0 ? "tous les lots" : "Tous les lots")}$non concerné$$");
                break;
            case < 87: // no lot, a DLC range
                var from = Day(random, published);
                writer.WriteString(Name, $"{gtin}$$date limite de consommation${Iso(from)}${Iso(from.AddDays(random.Next(1, 30)))}");
                break;
            case < 90: // neither lot nor date
                writer.WriteString(Name, $"{gtin}$$non concerné$$");
                break;
            case < 93: // a wrong check digit
                writer.WriteString(Name, $"{gtin[..^1]}{(gtin[^1] - '0' + 1) % 10}${Lot(random)}$date de durabilité minimale${Iso(Day(random, published))}$");
                break;
            case < 97: // V1 free text
                writer.WriteString(Name, $"{gtin} {random.Next(100, 999)} Date de consommation recommandée {French(Day(random, published))} {Gtin(random)} {Lot(random)} Date limite de consommation {French(Day(random, published))}");
                break;
            case < 99:
                writer.WriteString(Name, "");
                break;
            default:
                writer.WriteNull(Name);
                break;
        }
    }

    private static string Entry(string gtin, string lot, Random random, DateTimeOffset published)
    {
        string dateType = DateTypes[random.Next(DateTypes.Length)];
        return dateType == "non concerné"
            ? $"{gtin}${lot}${dateType}$$"
            : $"{gtin}${lot}${dateType}${Iso(Day(random, published))}$";
    }

    // Food and cosmetics GTIN-13s (French 30–37 prefixes, ACL13 3401 for pharmacy products), valid check digit.
    private static string Gtin(Random random)
    {
        string[] prefixes = ["3250", "3270", "3560", "3401", "3760", "3017", "3700"];
        string twelve = prefixes[random.Next(prefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return twelve + Gs1CheckDigit.Compute(twelve).ToString(CultureInfo.InvariantCulture);
    }

    private static string Lot(Random random) => random.Next(4) switch
    {
        0 => $"L{random.Next(10_000, 99_999)}",
        1 => $"{random.Next(200_101, 261_231)}{(char)('A' + random.Next(26))}",
        2 => $"{Word(random)[..3]}{random.Next(100, 999)}{(char)('a' + random.Next(26))}",
        _ => random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
    };

    private static DateOnly Day(Random random, DateTimeOffset published) => DateOnly.FromDateTime(published.UtcDateTime).AddDays(random.Next(-20, 500));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string French(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Word(Random random)
    {
        string[] words = ["terrine", "campagne", "fromage", "chèvre", "crème", "apaisante", "gélules", "biscuit", "chocolat", "poulet", "rôti", "savon", "lait", "bébé", "keto", "nuit", "bio", "fraise"];
        return words[random.Next(words.Length)];
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int value, bool asString)
    {
        if (asString)
        {
            writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }
}
