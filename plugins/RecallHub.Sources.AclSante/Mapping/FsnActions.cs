using System.Globalization;
using RecallHub.Sources.AclSante.Fsn;

namespace RecallHub.Sources.AclSante.Mapping;

/// <summary>
/// The FSN's section 3 in plain French for the pharmacy: each user action, its deadline, and the reply form.
/// </summary>
internal static class FsnActions
{
    // The action codes of the Commission's FSN template (as listed in samples/fsn; the list is not verified).
    private static readonly Dictionary<string, string> Sentences = new(StringComparer.OrdinalIgnoreCase)
    {
        ["identify_device"] = "Identifier les dispositifs concernés dans le stock",
        ["quarantine_device"] = "Mettre les dispositifs concernés en quarantaine",
        ["return_device"] = "Retourner les dispositifs concernés au fabricant",
        ["destroy_device"] = "Détruire les dispositifs concernés",
        ["on_site_modification_or_inspection"] = "Permettre la modification ou l'inspection des dispositifs sur site",
        ["follow_patient_management_recommendations"] = "Suivre les recommandations de prise en charge des patients",
        ["note_ifu_amendment"] = "Prendre connaissance de la modification de la notice d'utilisation",
        ["none"] = "Aucune action n'est demandée aux utilisateurs",
    };

    /// <summary>The steps, in order: the user actions, the common deadline, then the reply form.</summary>
    public static List<string> Of(FieldSafetyNotice notice)
    {
        var steps = new List<string>();
        foreach (var action in notice.UserActions)
        {
            string text = action.Text
                ?? (action.Code is not null && Sentences.TryGetValue(action.Code, out string? sentence) ? sentence : action.Code!);
            steps.Add(action.Deadline is { } deadline ? $"{text} (avant le {Day(deadline)})" : text);
        }

        if (notice.ActionDeadline is { } common)
        {
            steps.Add($"Actions à mener avant le {Day(common)}");
        }

        if (notice.ReplyRequired)
        {
            steps.Add(notice.ReplyDeadline is { } reply
                ? $"Renvoyer le formulaire de réponse au fabricant avant le {Day(reply)}"
                : "Renvoyer le formulaire de réponse au fabricant");
        }

        return steps;
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
