using RecallHub.Core.Blocking;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Checking;

/// <summary>Builds a <see cref="PackChecker"/> from the active recalls in the store.</summary>
public static class PackCheckerLoader
{
    /// <summary>Reads every active recall that takes packs off the shelves (<see cref="StockAction.Blocks"/>) and indexes its products.</summary>
    /// <param name="recalls">The recall store.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<PackChecker> LoadAsync(IRecallStore recalls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recalls);
        var active = (await recalls.ListActiveAsync(cancellationToken).ConfigureAwait(false)).Where(r => StockAction.Blocks(r.Kind)).ToList();
        var details = active.ToDictionary(r => r.RecallId, r => new RecallConcern(r.RecallId, r.Title, r.AlertNumber, MatchOutcome.Concerned, r.Actions));
        var index = ActiveRecallIndex.Build(active.SelectMany(r => r.Products.Select((p, i) => new IndexedProduct(r.RecallId, i, p))));
        return new PackChecker(index, details);
    }
}
