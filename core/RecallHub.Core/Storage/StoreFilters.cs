using System.Text;

namespace RecallHub.Core.Storage;

/// <summary>
/// The WHERE clauses of the list queries, the same SQL in every store: fixed fragments only, every value a parameter
/// named after the filter's property.
/// </summary>
internal static class StoreFilters
{
    /// <summary>Blocks (<c>stock_blocks</c>); parameters <c>@RecallId</c>, <c>@ProductKey</c>.</summary>
    public static string Blocks(BlockFilter filter)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        if (filter.Active is { } active)
        {
            where.Append(active ? " AND lifted_at IS NULL" : " AND lifted_at IS NOT NULL");
        }

        if (filter.RecallId is not null)
        {
            where.Append(" AND recall_id = @RecallId");
        }

        if (filter.ProductKey is not null)
        {
            where.Append(" AND product_key = @ProductKey");
        }

        return where.ToString();
    }

    /// <summary>
    /// Recalls (<c>recalls r</c>); parameters <c>@Source</c>, <c>@Kind</c>, <c>@Status</c>, <c>@AlertNumber</c>,
    /// <c>@PublishedFrom</c>, <c>@PublishedBefore</c>, <c>@ReceivedFrom</c>, <c>@ReceivedBefore</c>.
    /// </summary>
    public static string Recalls(RecallFilter filter)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        if (filter.Source is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM recall_links l WHERE l.recall_id = r.id AND l.source = @Source)");
        }

        if (filter.Kind is not null)
        {
            where.Append(" AND r.kind = @Kind");
        }

        if (filter.Status is not null)
        {
            where.Append(" AND r.status = @Status");
        }

        if (filter.AlertNumber is not null)
        {
            where.Append(" AND r.alert_number = @AlertNumber");
        }

        if (filter.PublishedFrom is not null)
        {
            where.Append(" AND r.published_at >= @PublishedFrom");
        }

        if (filter.PublishedBefore is not null)
        {
            where.Append(" AND r.published_at < @PublishedBefore");
        }

        if (filter.ReceivedFrom is not null)
        {
            where.Append(" AND r.created_at >= @ReceivedFrom");
        }

        if (filter.ReceivedBefore is not null)
        {
            where.Append(" AND r.created_at < @ReceivedBefore");
        }

        return where.ToString();
    }
}
