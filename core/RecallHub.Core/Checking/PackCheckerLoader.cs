using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Checking;

/// <summary>Builds a <see cref="PackChecker"/> from the active recalls in the store.</summary>
public static class PackCheckerLoader
{
    /// <summary>Reads every active recall and indexes its products.</summary>
    /// <param name="recalls">The recall store.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<PackChecker> LoadAsync(IRecallStore recalls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recalls);
        var active = await recalls.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        var details = new Dictionary<long, RecallConcern>(active.Count);
        foreach (var recall in active)
        {
            var stored = await recalls.GetAsync(recall.RecallId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                continue;
            }

            var actions = stored.Revisions.Where(r => r.IsCurrent).SelectMany(r => r.ReadNotice().Actions).Distinct().ToList();
            details[recall.RecallId] = new RecallConcern(stored.Id, stored.Title, stored.AlertNumber, MatchOutcome.Concerned, actions);
        }

        var index = ActiveRecallIndex.Build(active.SelectMany(r => r.Products.Select((p, i) => new IndexedProduct(r.RecallId, i, p))));
        return new PackChecker(index, details);
    }
}
