using System.Globalization;
using System.Text.Json;

namespace RecallHub.Sources.RappelConso.Records;

/// <summary>
/// One RappelConso record read tolerantly: every field optional, unknown fields ignored, numbers and strings
/// interchangeable, and the field names of earlier schemas accepted as aliases.
/// </summary>
/// <remarks>
/// The dataset's schema changed several times since 2022 (the V1 <c>rappelconso0</c> names, CSV exports where every
/// value is a string, <c>id</c> and <c>gtin</c> stored as integers): each field is looked up under its current name
/// first, then under its older names.
/// </remarks>
internal sealed class RecordFields
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["numero_fiche"] = ["reference_fiche"],
        ["numero_version"] = ["ndeg_de_version", "n_de_version"],
        ["categorie_produit"] = ["categorie_de_produit"],
        ["sous_categorie_produit"] = ["sous_categorie_de_produit"],
        ["marque_produit"] = ["nom_de_la_marque_du_produit"],
        ["modeles_ou_references"] = ["noms_des_modeles_ou_references"],
        ["identification_produits"] = ["identification_des_produits"],
        ["motif_rappel"] = ["motif_du_rappel"],
        ["risques_encourus"] = ["risques_encourus_par_le_consommateur"],
        ["lien_vers_affichette_pdf"] = ["lien_vers_l_affichette_pdf"],
        ["date_publication"] = ["date_de_publication"],
    };

    private readonly JsonElement _record;

    /// <summary>Wraps a record object.</summary>
    public RecordFields(JsonElement record)
    {
        _record = record;
    }

    /// <summary>The field's value, under its name or an alias; <see langword="false"/> when absent or null.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        if (TryGetExact(name, out value))
        {
            return true;
        }

        if (Aliases.TryGetValue(name, out var aliases))
        {
            foreach (string alias in aliases)
            {
                if (TryGetExact(alias, out value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The field as trimmed text (a number's digits as written); <see langword="null"/> when absent or blank.</summary>
    public string? Text(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join('|', value.EnumerateArray().Select(TextOf).Where(t => t.Length > 0)),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A whole number given as a number or as digits; <see langword="null"/> when absent or not a whole number.</summary>
    public long? Integer(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out long number) ? number
                : value.TryGetDouble(out double real) && real == Math.Floor(real) && Math.Abs(real) < 1e15 ? (long)real : null;
        }

        return Text(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
    }

    /// <summary>
    /// A multi-valued field: an array, or text with values separated by <paramref name="separators"/> (<c>|</c>
    /// between values, <c>¤</c> between products). Blank values are left out.
    /// </summary>
    public IReadOnlyList<string> List(string name, params char[] separators)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        IEnumerable<string> items = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(TextOf)
            : [Text(name) ?? ""];
        return [.. items
            .SelectMany(item => item.Split(separators))
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)];
    }

    private bool TryGetExact(string name, out JsonElement value) =>
        _record.TryGetProperty(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    private static string TextOf(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString()!.Trim(),
        JsonValueKind.Number => item.GetRawText(),
        _ => "",
    };
}
