using RecallHub.Core.Storage.Sqlite;

namespace RecallHub.Core.Tests.Storage;

/// <summary>What SQLite plans for the store's hot queries: the indexes are searched, tables never read whole.</summary>
public sealed class SqliteQueryPlanTests : IAsyncDisposable
{
    private readonly StoreFixture _fixture = new();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task The_pack_lookup_uses_the_unique_index()
    {
        await using var session = await _fixture.SessionAsync();

        var plan = _fixture.QueryPlan(SqliteBlockStore.SelectPack);

        Assert.Contains("USING INDEX ux_stock_blocks_pack", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_queries_search_the_scan_indexes_and_never_read_the_whole_table(bool listedLots)
    {
        await using var session = await _fixture.SessionAsync();
        var parameters = new { productKey = Notices.Gtin14, lotKeys = new[] { "A53014", "B60021" } };

        string lots = _fixture.QueryPlan(SqliteHoldingQueries.Lots(listedLots), parameters);
        string boxes = _fixture.QueryPlan(SqliteHoldingQueries.Boxes(listedLots), parameters);

        foreach (string plan in new[] { lots, boxes })
        {
            Assert.DoesNotMatch("SCAN (pack_scans|pack_states|s|last|best|x|st)( |$)", plan);
        }

        if (listedLots)
        {
            Assert.Matches("SEARCH pack_scans USING COVERING INDEX ix_pack_scans_product_lot \\(product_key=\\? AND lot_key=\\?\\)(.|\n)*UNION ALL", lots);
            Assert.Matches("SEARCH pack_scans USING COVERING INDEX ix_pack_scans_product_lot \\(product_key=\\? AND lot_key=\\?\\)(.|\n)*UNION ALL", boxes);
        }
        else
        {
            Assert.Matches("SEARCH pack_scans USING COVERING INDEX ix_pack_scans_product_(lot|serial) \\(product_key=\\?", lots);
            Assert.Contains("SEARCH pack_states USING PRIMARY KEY (product_key=?)", boxes, StringComparison.Ordinal);
        }

        Assert.Contains("SEARCH st USING PRIMARY KEY (product_key=? AND serial=?)", boxes, StringComparison.Ordinal);
        Assert.Contains("SEARCH last USING INTEGER PRIMARY KEY (rowid=?)", boxes, StringComparison.Ordinal);
        Assert.Contains("SEARCH best USING INTEGER PRIMARY KEY (rowid=?)", boxes, StringComparison.Ordinal);
    }
}
