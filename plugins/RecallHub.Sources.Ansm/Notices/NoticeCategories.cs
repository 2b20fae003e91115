using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Notices;

/// <summary>What ANSM's category and health-product labels mean for the hub.</summary>
internal static class NoticeCategories
{
    /// <summary>The type named by a label such as <c>Médicaments</c> or <c>Dispositifs médicaux de diagnostic in vitro</c>.</summary>
    public static HealthProductType TypeOf(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return HealthProductType.Unknown;
        }

        string folded = FrenchText.Fold(label);
        return folded switch
        {
            _ when folded.Contains("in vitro", StringComparison.Ordinal) || folded.Contains("dmdiv", StringComparison.Ordinal) => HealthProductType.InVitroDiagnostic,
            _ when folded.Contains("dispositif", StringComparison.Ordinal) || folded == "dm" => HealthProductType.MedicalDevice,
            _ when folded.Contains("medicament", StringComparison.Ordinal) => HealthProductType.Medicine,
            _ => HealthProductType.Other,
        };
    }

    /// <summary>
    /// The kind of notice a category means: a recall (<c>RAPPEL DE PRODUIT</c>) is a lot recall for medicines and a
    /// field safety notice for devices; a withdrawal (<c>RETRAIT</c>) a product withdrawal; information, quality-defect
    /// and shortage notices are information. <see langword="null"/> when the category is missing or unknown.
    /// </summary>
    public static NoticeKind? KindOf(string? category, HealthProductType type)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return null;
        }

        string folded = FrenchText.Fold(category);
        bool device = type is HealthProductType.MedicalDevice or HealthProductType.InVitroDiagnostic;
        return folded switch
        {
            _ when folded.Contains("rappel", StringComparison.Ordinal) => device ? NoticeKind.DeviceFieldSafetyNotice : NoticeKind.LotRecall,
            _ when folded.Contains("retrait", StringComparison.Ordinal) => NoticeKind.ProductWithdrawal,
            _ when folded.Contains("mesure corrective", StringComparison.Ordinal) || folded.Contains("avis de securite", StringComparison.Ordinal) => NoticeKind.DeviceFieldSafetyNotice,
            _ when folded.Contains("information", StringComparison.Ordinal) || folded.Contains("defaut", StringComparison.Ordinal)
                || folded.Contains("rupture", StringComparison.Ordinal) || folded.Contains("alerte", StringComparison.Ordinal)
                || folded.Contains("securite", StringComparison.Ordinal) => NoticeKind.Information,
            _ => null,
        };
    }
}
