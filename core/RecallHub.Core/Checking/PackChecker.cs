using RecallHub.Abstractions.Identifiers;
using RecallHub.Core.Matching;

namespace RecallHub.Core.Checking;

/// <summary>
/// Answers "may this pack leave?" from the index of active recalls: a concerned pack is blocked; a pack the scan
/// cannot settle (a plain EAN-13 without lot for a lot recall) is blocked until checked by hand, never silently let
/// through; anything else is allowed.
/// </summary>
/// <param name="index">The active recalls' products.</param>
/// <param name="recalls">Title, alert number and actions of each active recall, by id.</param>
public sealed class PackChecker(ActiveRecallIndex index, IReadOnlyDictionary<long, RecallConcern> recalls)
{
    /// <summary>Checks one scanned pack.</summary>
    /// <param name="reading">The parsed scan.</param>
    /// <exception cref="ArgumentException">The scan identifies no product: there is nothing to check.</exception>
    public PackCheckResult Check(BarcodeReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var pack = PackIdentity.From(reading)
            ?? throw new ArgumentException("The scanned code identifies no product (no GTIN, HIBCC or PPN could be read).", nameof(reading));

        var concerns = index.Check(pack)
            .GroupBy(m => m.RecallId)
            .Select(g => (Id: g.Key, Outcome: g.Any(m => m.Outcome == MatchOutcome.Concerned) ? MatchOutcome.Concerned : MatchOutcome.CannotTell))
            .Where(c => recalls.ContainsKey(c.Id))
            .Select(c => recalls[c.Id] with { Outcome = c.Outcome })
            .OrderBy(c => c.Outcome == MatchOutcome.Concerned ? 0 : 1)
            .ThenBy(c => c.RecallId)
            .ToList();

        if (concerns.Count == 0)
        {
            return new PackCheckResult(CheckVerdict.Allow, false, "Aucun rappel en cours ne concerne cette boîte.", "Délivrance possible.", [], reading);
        }

        var first = concerns[0];
        string which = first.AlertNumber is null ? $"« {first.Title} »" : $"« {first.Title} » ({first.AlertNumber})";
        string others = concerns.Count > 1 ? $" et {concerns.Count - 1} autre(s) rappel(s)" : "";
        if (first.Outcome == MatchOutcome.Concerned)
        {
            return new PackCheckResult(
                CheckVerdict.Block,
                false,
                $"Ne pas délivrer : cette boîte fait l'objet du rappel {which}{others}.",
                "Mettre la boîte de côté en quarantaine, ne pas la délivrer, et suivre la procédure du rappel.",
                concerns,
                reading);
        }

        string missing = reading.Lot is null ? "le lot" : reading.Serial is null ? "le numéro de série" : "la date";
        return new PackCheckResult(
            CheckVerdict.Block,
            true,
            $"À vérifier avant délivrance : ce produit fait l'objet du rappel {which}{others}, et le code scanné ne donne pas {missing}.",
            $"Lire {missing} imprimé sur la boîte et le comparer à la liste du rappel ; ne délivrer que si la boîte n'est pas concernée.",
            concerns,
            reading);
    }
}
