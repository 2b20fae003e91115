using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Sources.RappelConso.Tests.Support;

/// <summary>Test data builders.</summary>
public static class Some
{
    public static readonly DateTimeOffset Now = new(2026, 3, 20, 8, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>A GTIN-13 with its check digit, from 12 digits.</summary>
    public static string Gtin13(string twelveDigits) => twelveDigits + Gs1CheckDigit.Compute(twelveDigits).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A record of the v2 dataset in the pharmacy's categories, with the fields the tests vary.</summary>
    public static string Record(
        int id,
        string published,
        string category = "hygiène-beauté",
        string subCategory = "soins du corps et du visage",
        string identification = "3401560012347$L24087$date de durabilité minimale$2027-08-31$",
        int version = 1) =>
        $$"""
        {"id": {{id}}, "numero_fiche": "2026-03-{{id:D5}}", "numero_version": {{version}}, "categorie_produit": "{{category}}",
         "sous_categorie_produit": "{{subCategory}}", "marque_produit": "marque {{id}}", "libelle": "produit {{id}}",
         "identification_produits": "{{identification}}", "motif_rappel": "contamination", "risques_encourus": "infection",
         "conduites_a_tenir_par_le_consommateur": "ne plus utiliser le produit|rapporter le produit au point de vente",
         "lien_vers_la_fiche_rappel": "https://rappel.conso.gouv.fr/fiche-rappel/{{id}}/interne", "date_publication": "{{published}}"}
        """;
}
