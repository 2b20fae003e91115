using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>An active recall joined with one of its current products, or with none, as a store reads it.</summary>
internal sealed record ActiveRecallRow(long RecallId, NoticeKind Kind, RecallLevels Levels, string Title, string? AlertNumber, RecalledProduct? Product);

/// <summary>Builds <see cref="IRecallStore.ListActiveAsync"/>'s answer from the rows every store reads the same way.</summary>
internal static class ActiveRecalls
{
    /// <summary>One recall per run of rows of the same recall, with the distinct actions of its current notices.</summary>
    /// <param name="rows">By recall, then revision and product.</param>
    /// <param name="actions">The actions of each current notice, by recall, in order.</param>
    public static List<ActiveRecall> Assemble(IEnumerable<ActiveRecallRow> rows, IEnumerable<(long RecallId, string Action)> actions)
    {
        var actionsOf = actions.GroupBy(a => a.RecallId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Action).Distinct(StringComparer.Ordinal).ToList());
        var recalls = new List<ActiveRecall>();
        List<RecalledProduct>? products = null;
        foreach (var row in rows)
        {
            if (recalls.Count == 0 || recalls[^1].RecallId != row.RecallId)
            {
                products = [];
                recalls.Add(new ActiveRecall(row.RecallId, row.Kind, row.Levels, products)
                {
                    Title = row.Title,
                    AlertNumber = row.AlertNumber,
                    Actions = actionsOf.GetValueOrDefault(row.RecallId) ?? [],
                });
            }

            if (row.Product is { } product)
            {
                products!.Add(product);
            }
        }

        return recalls;
    }
}
