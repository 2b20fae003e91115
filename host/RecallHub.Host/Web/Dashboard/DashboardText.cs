using System.Globalization;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.FollowUp;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>The dashboard's French wording: dates in Paris time, and a label for every code it shows.</summary>
internal static class DashboardText
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy 'à' HH:mm", French);

    public static string When(DateTimeOffset? at) => at is { } value ? When(value) : "—";

    public static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", French) ?? "—";

    /// <summary>How long from <paramref name="now"/> to <paramref name="due"/>, or how late: "dans 5 h", "en retard de 2 j".</summary>
    public static string Remaining(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        string span(TimeSpan t) => t.TotalHours < 1 ? $"{Math.Max(1, (int)t.TotalMinutes)} min"
            : t.TotalHours < 48 ? $"{(int)t.TotalHours} h"
            : $"{(int)t.TotalDays} j";
        return left >= TimeSpan.Zero ? $"dans {span(left)}" : $"en retard de {span(-left)}";
    }

    public static string Kind(NoticeKind kind) => kind switch
    {
        NoticeKind.LotRecall => "Rappel de lots",
        NoticeKind.ProductWithdrawal => "Retrait du produit",
        NoticeKind.DeviceFieldSafetyNotice => "Avis de sécurité (dispositif)",
        NoticeKind.ConsumerRecall => "Rappel consommateurs",
        NoticeKind.Information => "Information",
        NoticeKind.VerificationAlert => "Alerte de vérification",
        _ => kind.ToString(),
    };

    public static string Levels(RecallLevels levels)
    {
        var names = new List<string>();
        if (levels.HasFlag(RecallLevels.Pharmacies)) { names.Add("pharmacies"); }
        if (levels.HasFlag(RecallLevels.Hospitals)) { names.Add("établissements de santé"); }
        if (levels.HasFlag(RecallLevels.Wholesalers)) { names.Add("grossistes"); }
        if (levels.HasFlag(RecallLevels.Patients)) { names.Add("patients"); }
        return names.Count == 0 ? "non précisé" : string.Join(", ", names);
    }

    public static string Stage(FollowUpStage stage) => stage switch
    {
        FollowUpStage.New => "Nouveau",
        FollowUpStage.Read => "Lu",
        FollowUpStage.ActionRecorded => "Action enregistrée",
        FollowUpStage.Closed => "Clôturé",
        _ => stage.ToString(),
    };

    /// <summary>The stage as written in the URL of the recalls page.</summary>
    public static string StageCode(FollowUpStage stage) => stage switch
    {
        FollowUpStage.New => "nouveau",
        FollowUpStage.Read => "lu",
        FollowUpStage.ActionRecorded => "action",
        _ => "cloture",
    };

    public static string Action(string code) => FollowUpActions.Parse(code) is { } kind ? Action(kind) : code;

    public static string Action(FollowUpActionKind kind) => kind switch
    {
        FollowUpActionKind.Quarantined => "Mis en quarantaine",
        FollowUpActionKind.Returned => "Retourné (grossiste ou laboratoire)",
        FollowUpActionKind.Destroyed => "Détruit",
        FollowUpActionKind.NotConcerned => "Non concerné (aucune boîte en stock)",
        FollowUpActionKind.PatientsContacted => "Patients contactés",
        _ => kind.ToString(),
    };

    public static string Role(UserRole role) => role switch
    {
        UserRole.Pharmacist => "pharmacien·ne",
        UserRole.Assistant => "préparateur·rice",
        UserRole.Admin => "administrateur·rice",
        _ => role.ToString(),
    };

    public static string Event(PackEvent @event) => @event switch
    {
        PackEvent.Reception => "Réception",
        PackEvent.Dispensation => "Délivrance",
        PackEvent.Return => "Retour",
        PackEvent.Destruction => "Destruction",
        PackEvent.Implantation => "Implantation",
        _ => @event.ToString(),
    };

    public static string AuditAction(string action) => action switch
    {
        "recall.read" => "Rappel lu",
        "recall.action" => "Action enregistrée",
        "recall.closed" => "Rappel clôturé",
        "block.lifted" => "Blocage levé",
        "user.created" => "Compte créé",
        "user.signed_in" => "Connexion",
        "user.signed_out" => "Déconnexion",
        "user.sign_in_failed" => "Échec de connexion",
        "user.locked_out" => "Compte verrouillé",
        _ => action,
    };

    public static string Count(int n, string one, string many) => n.ToString(French) + " " + (n == 1 ? one : many);
}
