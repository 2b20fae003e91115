using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Stock blocks on SQLite: <c>stock_blocks</c>, one row per recall and pack (<c>ux_stock_blocks_pack</c>).</summary>
internal sealed class SqliteBlockStore(SqliteStoreSession session) : IBlockStore
{
    private const string Columns = """
        id AS Id, recall_id AS RecallId, product_key AS ProductKey, gtin14 AS Gtin, lot AS Lot, serial AS Serial, expiry AS Expiry,
        scan_id AS ScanId, workstation AS Workstation, needs_manual_check AS NeedsManualCheck, since AS Since, reason AS Reason,
        lifted_at AS LiftedAt, lifted_by AS LiftedBy, lift_reason AS LiftReason
        """;

    // DO NOTHING covers the pack's unique index: RETURNING then gives a row only when this statement created it.
    private const string Insert = $"""
        INSERT INTO stock_blocks (recall_id, scan_id, product_key, gtin14, lot, lot_key, serial, expiry, workstation, needs_manual_check, since, reason)
        VALUES ($recall_id, $scan_id, $product_key, $gtin14, $lot, $lot_key, $serial, $expiry, $workstation, $needs_manual_check, $since, $reason)
        ON CONFLICT DO NOTHING
        RETURNING {Columns};
        """;

    // The same expressions as the unique index, so that the lookup uses it.
    internal const string SelectPack = $"""
        SELECT {Columns} FROM stock_blocks
        WHERE recall_id = $recall_id AND product_key = $product_key AND COALESCE(lot_key, '') = COALESCE($lot_key, '') AND COALESCE(serial, '') = COALESCE($serial, '');
        """;

    public Task<IReadOnlyList<BlockPlacement>> PlaceAsync(IReadOnlyList<NewStockBlock> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);

        // Refused before anything is written.
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i] ?? throw new ArgumentException($"Block {i + 1} of {blocks.Count} is null.", nameof(blocks));
            if (string.IsNullOrWhiteSpace(block.ProductKey))
            {
                throw new ArgumentException($"Block {i + 1} of {blocks.Count} (recall {block.RecallId}) has no product key.", nameof(blocks));
            }

            if (string.IsNullOrWhiteSpace(block.Reason))
            {
                throw new ArgumentException($"Block {i + 1} of {blocks.Count} (recall {block.RecallId}, {block.ProductKey}) has no reason: the counter must be told why.", nameof(blocks));
            }
        }

        if (blocks.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<BlockPlacement>>([]);
        }

        return session.WriteAsync(transaction => Task.FromResult(Place(blocks, transaction, cancellationToken)), cancellationToken);
    }

    // Synchronous on purpose, as scan batches: two prepared commands reused for the whole batch in one transaction.
    private IReadOnlyList<BlockPlacement> Place(IReadOnlyList<NewStockBlock> blocks, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var insert = new SqliteCommand(Insert, session.Connection, transaction);
        var recallId = insert.Parameters.Add("$recall_id", SqliteType.Integer);
        var scanId = insert.Parameters.Add("$scan_id", SqliteType.Integer);
        var productKey = insert.Parameters.Add("$product_key", SqliteType.Text);
        var gtin = insert.Parameters.Add("$gtin14", SqliteType.Text);
        var lot = insert.Parameters.Add("$lot", SqliteType.Text);
        var lotKey = insert.Parameters.Add("$lot_key", SqliteType.Text);
        var serial = insert.Parameters.Add("$serial", SqliteType.Text);
        var expiry = insert.Parameters.Add("$expiry", SqliteType.Text);
        var workstation = insert.Parameters.Add("$workstation", SqliteType.Text);
        var manual = insert.Parameters.Add("$needs_manual_check", SqliteType.Integer);
        var since = insert.Parameters.Add("$since", SqliteType.Text);
        var reason = insert.Parameters.Add("$reason", SqliteType.Text);
        insert.Prepare();

        using var select = new SqliteCommand(SelectPack, session.Connection, transaction);
        var selectRecall = select.Parameters.Add("$recall_id", SqliteType.Integer);
        var selectProduct = select.Parameters.Add("$product_key", SqliteType.Text);
        var selectLot = select.Parameters.Add("$lot_key", SqliteType.Text);
        var selectSerial = select.Parameters.Add("$serial", SqliteType.Text);
        select.Prepare();

        var placements = new BlockPlacement[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var block = blocks[i];

            // A blank lot or serial is an unknown one: it must not make a second block of the same pack.
            string? blockLot = string.IsNullOrWhiteSpace(block.Lot) ? null : block.Lot;
            string? blockSerial = string.IsNullOrWhiteSpace(block.Serial) ? null : block.Serial;
            object key = Db(ProductKeys.Lot(blockLot));
            recallId.Value = block.RecallId;
            scanId.Value = block.ScanId is { } scan ? scan : DBNull.Value;
            productKey.Value = block.ProductKey;
            gtin.Value = Db(block.Gtin);
            lot.Value = Db(blockLot);
            lotKey.Value = key;
            serial.Value = Db(blockSerial);
            expiry.Value = Db(SqliteValues.Date(block.Expiry));
            workstation.Value = Db(block.Workstation);
            manual.Value = block.NeedsManualCheck ? 1 : 0;
            since.Value = SqliteValues.Instant(block.Since);
            reason.Value = block.Reason;
            try
            {
                if (ReadBlock(insert) is { } created)
                {
                    placements[i] = new BlockPlacement(created, true);
                    continue;
                }

                selectRecall.Value = block.RecallId;
                selectProduct.Value = block.ProductKey;
                selectLot.Value = key;
                selectSerial.Value = Db(blockSerial);
                placements[i] = new BlockPlacement(ReadBlock(select) ?? throw new StoreException(
                    $"Block {i + 1} of {blocks.Count} (recall {block.RecallId}, {StoreValues.DescribePack(block.ProductKey, blockLot, blockSerial)}) was neither created nor found in '{session.Path}'."), false);
            }
            catch (SqliteException e)
            {
                throw new StoreException(
                    $"Block {i + 1} of {blocks.Count} (recall {block.RecallId}, {StoreValues.DescribePack(block.ProductKey, blockLot, blockSerial)}) could not be stored in " +
                    $"'{session.Path}': {e.Message}. None of the {blocks.Count} blocks of this batch was stored.", e);
            }
        }

        return placements;
    }

    public async Task<StockBlock?> GetAsync(long blockId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var row = await session.Connection.QuerySingleOrDefaultAsync<BlockRow>(
            $"SELECT {Columns} FROM stock_blocks WHERE id = @blockId;", new { blockId }, session.Transaction).ConfigureAwait(false);
        return row?.ToBlock();
    }

    public async Task<BlockPage> ListAsync(BlockFilter filter, Paging paging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(paging);
        paging.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        string where = StoreFilters.Blocks(filter);
        var parameters = new { filter.RecallId, filter.ProductKey, paging.Offset, paging.Limit };
        var connection = session.Connection;
        int total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM stock_blocks {where};", parameters, session.Transaction).ConfigureAwait(false);
        var rows = await connection.QueryAsync<BlockRow>(
            $"SELECT {Columns} FROM stock_blocks {where} ORDER BY since DESC, id DESC LIMIT @Limit OFFSET @Offset;", parameters, session.Transaction).ConfigureAwait(false);
        return new BlockPage(rows.Select(r => r.ToBlock()).ToList(), total, paging);
    }

    public async Task<IReadOnlyList<StockBlock>> ListLiftedOfActiveRecallsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await session.Connection.QueryAsync<BlockRow>(
            $"""
            SELECT {Columns} FROM stock_blocks
            WHERE lifted_at IS NOT NULL AND recall_id IN (SELECT id FROM recalls WHERE status = 'active')
            ORDER BY id;
            """,
            transaction: session.Transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToBlock()).ToList();
    }

    public Task<StockBlock> LiftAsync(long blockId, BlockLift lift, CancellationToken cancellationToken = default)
    {
        BlockLiftRules.Check(blockId, lift);
        return session.WriteAsync(
            async transaction =>
            {
                var connection = session.Connection;
                var row = await connection.QuerySingleOrDefaultAsync<BlockRow>(
                    $"SELECT {Columns} FROM stock_blocks WHERE id = @blockId;", new { blockId }, transaction).ConfigureAwait(false)
                    ?? throw new BlockNotFoundException($"There is no stock block {blockId} in '{session.Path}'.");
                BlockLiftRules.RefuseLifted(row.ToBlock());

                try
                {
                    var lifted = await connection.QuerySingleAsync<BlockRow>(
                        $"""
                        UPDATE stock_blocks SET lifted_at = @At, lifted_by = @By, lift_reason = @Reason WHERE id = @blockId AND lifted_at IS NULL
                        RETURNING {Columns};
                        """,
                        new { blockId, At = SqliteValues.Instant(lift.At), lift.By, lift.Reason },
                        transaction).ConfigureAwait(false);
                    return lifted.ToBlock();
                }
                catch (SqliteException e)
                {
                    throw new StoreException($"Block {blockId} could not be lifted in '{session.Path}': {e.Message}", e);
                }
            },
            cancellationToken);
    }

    private static StockBlock? ReadBlock(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetRowParser<BlockRow>()(reader).ToBlock() : null;
    }

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    /// <summary>A <c>stock_blocks</c> row.</summary>
    private sealed class BlockRow
    {
        public long Id { get; set; }

        public long RecallId { get; set; }

        public string ProductKey { get; set; } = "";

        public string? Gtin { get; set; }

        public string? Lot { get; set; }

        public string? Serial { get; set; }

        public string? Expiry { get; set; }

        public long? ScanId { get; set; }

        public string? Workstation { get; set; }

        public long NeedsManualCheck { get; set; }

        public string Since { get; set; } = "";

        public string Reason { get; set; } = "";

        public string? LiftedAt { get; set; }

        public string? LiftedBy { get; set; }

        public string? LiftReason { get; set; }

        public StockBlock ToBlock() => new(
            Id,
            RecallId,
            ProductKey,
            Gtin,
            Lot,
            Serial,
            SqliteValues.ReadDate(Expiry),
            ScanId,
            Workstation,
            NeedsManualCheck != 0,
            SqliteValues.ReadInstant(Since),
            Reason,
            LiftedAt is null ? null : new BlockLift(LiftedBy ?? "", LiftReason ?? "", SqliteValues.ReadInstant(LiftedAt)));
    }
}
