using RecallHub.Core.Matching;

namespace RecallHub.Core.Blocking;

/// <summary>Why a pack is blocked, in the plain French the counter reads.</summary>
public static class BlockReasons
{
    /// <summary>The reason for a block by <paramref name="recall"/>.</summary>
    /// <param name="recall">The recall's title and alert number.</param>
    /// <param name="outcome">Whether the pack is concerned or the scans cannot tell.</param>
    /// <param name="lot">The pack's lot, when known.</param>
    /// <param name="serial">The pack's serial, when known.</param>
    public static string Describe(RecallHeadline recall, MatchOutcome outcome, string? lot, string? serial)
    {
        ArgumentNullException.ThrowIfNull(recall);
        // French agrees the participle with the pack: "la boîte … est concernée", "le lot … est concerné".
        var (pack, concerned) = serial is not null ? ($"la boîte n° {serial}", "concernée") : lot is not null ? ($"le lot {lot}", "concerné") : ("ce produit", "concerné");
        return outcome == MatchOutcome.Concerned
            ? $"Rappel {recall.Quoted} : {pack} est {concerned}. Ne pas délivrer ; suivre la procédure du rappel."
            : $"Rappel {recall.Quoted} : les scans de {pack} ne permettent pas de savoir s'il est concerné. Vérifier sur la boîte avant toute délivrance.";
    }
}
