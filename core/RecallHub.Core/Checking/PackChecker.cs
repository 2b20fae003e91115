using System.Globalization;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Core.Blocking;
using RecallHub.Core.Matching;

namespace RecallHub.Core.Checking;

/// <summary>
/// Answers "may this pack leave?" from the index of active recalls: a concerned pack is blocked; a pack the scan
/// cannot settle (a plain EAN-13 without lot for a lot recall) is blocked until checked by hand, never silently let
/// through; a pack whose block a named person lifted is let through with their decision; anything else is allowed.
/// </summary>
/// <remarks>Immutable: build a new checker when recalls or lifts change, and swap it.</remarks>
public sealed class PackChecker
{
    private readonly ActiveRecallIndex _index;
    private readonly IReadOnlyDictionary<long, RecallConcern> _recalls;

    /// <summary>Creates a checker.</summary>
    /// <param name="index">The active recalls' products.</param>
    /// <param name="recalls">Title, alert number and actions of each active recall, by id.</param>
    /// <param name="lifted">The lifted blocks of active recalls; none by default.</param>
    public PackChecker(ActiveRecallIndex index, IReadOnlyDictionary<long, RecallConcern> recalls, LiftedBlocks? lifted = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(recalls);
        _index = index;
        _recalls = recalls;
        Lifted = lifted ?? LiftedBlocks.None;
    }

    /// <summary>The lifted blocks this checker lets through.</summary>
    public LiftedBlocks Lifted { get; }

    /// <summary>How many active recalls this checker knows.</summary>
    public int RecallCount => _recalls.Count;

    /// <summary>The same recalls with other lifted blocks: cheap, the index is shared.</summary>
    /// <param name="lifted">The lifted blocks.</param>
    public PackChecker WithLifted(LiftedBlocks lifted) => new(_index, _recalls, lifted);

    /// <summary>Checks one scanned pack.</summary>
    /// <param name="reading">The parsed scan.</param>
    /// <exception cref="ArgumentException">The scan identifies no product: there is nothing to check.</exception>
    public PackCheckResult Check(BarcodeReading reading) => Check(reading, "");

    /// <summary>Checks one pack scanned in <paramref name="pharmacy"/>: only that pharmacy's lifted blocks let it through.</summary>
    /// <param name="reading">The parsed scan.</param>
    /// <param name="pharmacy">The pharmacy key (<c>""</c> in a single-pharmacy hub, else its FINESS number).</param>
    /// <exception cref="ArgumentException">The scan identifies no product: there is nothing to check.</exception>
    public PackCheckResult Check(BarcodeReading reading, string pharmacy)
    {
        ArgumentNullException.ThrowIfNull(pharmacy);
        ArgumentNullException.ThrowIfNull(reading);
        var pack = PackIdentity.From(reading)
            ?? throw new ArgumentException("The scanned code identifies no product (no GTIN, HIBCC or PPN could be read).", nameof(reading));

        var matches = _index.Check(pack);
        if (matches.Count == 0)
        {
            // Nearly every pack of a bulk import: answered without building the concerns.
            return Allowed(reading);
        }

        var concerns = matches
            .GroupBy(m => m.RecallId)
            .Select(g => (Id: g.Key, Outcome: g.Any(m => m.Outcome == MatchOutcome.Concerned) ? MatchOutcome.Concerned : MatchOutcome.CannotTell))
            .Where(c => _recalls.ContainsKey(c.Id))
            .Select(c => WithLift(_recalls[c.Id] with { Outcome = c.Outcome }, pharmacy, pack))
            .OrderBy(c => c.Lift is null ? 0 : 1)
            .ThenBy(c => c.Outcome == MatchOutcome.Concerned ? 0 : 1)
            .ThenBy(c => c.RecallId)
            .ToList();

        if (concerns.Count == 0)
        {
            return Allowed(reading);
        }

        var first = concerns[0];
        string which = new RecallHeadline(first.Title, first.AlertNumber).Quoted;
        if (first.Lift is { } lift)
        {
            // Every concern is lifted: the pack may leave, and the counter sees whose decision that is.
            return new PackCheckResult(
                CheckVerdict.Allow,
                false,
                $"Blocage levé : cette boîte fait l'objet du rappel {which}, mais {lift.By} a levé son blocage le {lift.At.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ({lift.Reason}).",
                "Délivrance possible selon cette décision.",
                concerns,
                reading);
        }

        int others = concerns.Count(c => c.Lift is null) - 1;
        string more = others > 0 ? $" et {others} autre(s) rappel(s)" : "";
        if (first.Outcome == MatchOutcome.Concerned)
        {
            return new PackCheckResult(
                CheckVerdict.Block,
                false,
                $"Ne pas délivrer : cette boîte fait l'objet du rappel {which}{more}.",
                "Mettre la boîte de côté en quarantaine, ne pas la délivrer, et suivre la procédure du rappel.",
                concerns,
                reading);
        }

        string missing = reading.Lot is null ? "le lot" : reading.Serial is null ? "le numéro de série" : "la date";
        return new PackCheckResult(
            CheckVerdict.Block,
            true,
            $"À vérifier avant délivrance : ce produit fait l'objet du rappel {which}{more}, et le code scanné ne donne pas {missing}.",
            $"Lire {missing} imprimé sur la boîte et le comparer à la liste du rappel ; ne délivrer que si la boîte n'est pas concernée.",
            concerns,
            reading);
    }

    private static PackCheckResult Allowed(BarcodeReading reading) =>
        new(CheckVerdict.Allow, false, "Aucun rappel en cours ne concerne cette boîte.", "Délivrance possible.", [], reading);

    private RecallConcern WithLift(RecallConcern concern, string pharmacy, in PackIdentity pack) =>
        Lifted.Find(pharmacy, concern.RecallId, pack) is { Lift: { } lift } block ? concern with { Lift = lift, LiftedBlockId = block.Id } : concern;
}
