using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>
/// Stock blocks on PostgreSQL: <c>stock_blocks</c>, one row per pharmacy, recall and pack (<c>ux_stock_blocks_pack</c>).
/// Ids are global; a block of another pharmacy is, to a one-pharmacy session, a block that does not exist.
/// </summary>
internal sealed class PostgreSqlBlockStore(PostgreSqlStoreSession session) : IBlockStore
{
    private const string Columns = """
        id AS Id, pharmacy AS Pharmacy, recall_id AS RecallId, product_key AS ProductKey, gtin14 AS Gtin, lot AS Lot, serial AS Serial, expiry AS Expiry,
        scan_id AS ScanId, workstation AS Workstation, needs_manual_check AS NeedsManualCheck, since AS Since, reason AS Reason,
        lifted_at AS LiftedAt, lifted_by AS LiftedBy, lift_reason AS LiftReason
        """;

    // The batch in one statement, in input order; DO NOTHING covers the pack's unique index (a pack twice in the batch,
    // or already blocked, or being blocked by a concurrent transaction, which this one waits for).
    private const string Insert = """
        INSERT INTO stock_blocks (pharmacy, recall_id, scan_id, product_key, gtin14, lot, lot_key, serial, expiry, workstation, needs_manual_check, since, reason)
        SELECT pharmacy, recall_id, scan_id, product_key, gtin14, lot, lot_key, serial, expiry, workstation, needs_manual_check, since, reason
        FROM unnest(@pharmacy, @recall_id, @scan_id, @product_key, @gtin14, @lot, @lot_key, @serial, @expiry, @workstation, @needs_manual_check, @since, @reason)
             WITH ORDINALITY AS b (pharmacy, recall_id, scan_id, product_key, gtin14, lot, lot_key, serial, expiry, workstation, needs_manual_check, since, reason, n)
        ORDER BY n
        ON CONFLICT DO NOTHING
        RETURNING id;
        """;

    // Then every block of the batch, new or not, by the unique index's expressions.
    private const string SelectBatch = $"""
        SELECT k.n AS N, s.*
        FROM unnest(@pharmacy, @recall_id, @product_key, @lot_key, @serial) WITH ORDINALITY AS k (pharmacy, recall_id, product_key, lot_key, serial, n)
        JOIN LATERAL (
            SELECT {Columns} FROM stock_blocks
            WHERE pharmacy = k.pharmacy AND recall_id = k.recall_id AND product_key = k.product_key
              AND COALESCE(lot_key, '') = COALESCE(k.lot_key, '') AND COALESCE(serial, '') = COALESCE(k.serial, '')) s ON TRUE
        ORDER BY k.n;
        """;

    public Task<IReadOnlyList<BlockPlacement>> PlaceAsync(IReadOnlyList<NewStockBlock> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var pharmacies = new string[blocks.Count];

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

            pharmacies[i] = PharmacyOf(block, i, blocks.Count);
        }

        if (blocks.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<BlockPlacement>>([]);
        }

        return session.WriteAsync(transaction => PlaceAsync(blocks, pharmacies, transaction, cancellationToken), cancellationToken);
    }

    // A one-pharmacy session blocks its own stock only; a session for all pharmacies blocks the stock each block names.
    private string PharmacyOf(NewStockBlock block, int index, int count)
    {
        string pharmacy = block.Pharmacy ?? "";
        if (session.Scope.IsAll)
        {
            return pharmacy;
        }

        string own = session.Scope.Pharmacy;
        return pharmacy.Length == 0 || pharmacy == own
            ? own
            : throw new ArgumentException(
                $"Block {index + 1} of {count} (recall {block.RecallId}, {block.ProductKey}) is for pharmacy {pharmacy}, not for this session's {session.Scope}.", "blocks");
    }

    private async Task<IReadOnlyList<BlockPlacement>> PlaceAsync(IReadOnlyList<NewStockBlock> blocks, string[] pharmacies, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        int count = blocks.Count;

        // A blank lot or serial is an unknown one: it must not make a second block of the same pack.
        var lots = blocks.Select(b => string.IsNullOrWhiteSpace(b.Lot) ? null : b.Lot).ToArray();
        var serials = blocks.Select(b => string.IsNullOrWhiteSpace(b.Serial) ? null : b.Serial).ToArray();
        var lotKeys = lots.Select(ProductKeys.Lot).ToArray();
        var recallIds = blocks.Select(b => b.RecallId).ToArray();
        var productKeys = blocks.Select(b => b.ProductKey).ToArray();

        // A block of a recall that does not exist is named before the batch is tried: the database's own error does
        // not say which row broke the foreign key.
        var missing = (await session.Connection.QueryAsync<long>(
            "SELECT id FROM unnest(@ids) AS r (id) EXCEPT SELECT id FROM recalls;", new { ids = recallIds.Distinct().ToArray() }, transaction).ConfigureAwait(false)).ToHashSet();
        if (missing.Count > 0)
        {
            int i = System.Array.FindIndex(recallIds, missing.Contains);
            throw new StoreException(
                $"Block {i + 1} of {count} (recall {recallIds[i]}, {StoreValues.DescribePack(productKeys[i], lots[i], serials[i])}) could not be stored in {session.Where}: " +
                $"there is no recall {recallIds[i]} (foreign key stock_blocks.recall_id). None of the {count} blocks of this batch was stored.");
        }

        HashSet<long> created;
        await using (var insert = new NpgsqlCommand(Insert, session.Connection, transaction))
        {
            insert.Parameters.Add(Array("pharmacy", NpgsqlDbType.Text, pharmacies));
            insert.Parameters.Add(Array("recall_id", NpgsqlDbType.Bigint, recallIds));
            insert.Parameters.Add(Array("scan_id", NpgsqlDbType.Bigint, blocks.Select(b => b.ScanId).ToArray()));
            insert.Parameters.Add(Array("product_key", NpgsqlDbType.Text, productKeys));
            insert.Parameters.Add(Array("gtin14", NpgsqlDbType.Text, blocks.Select(b => b.Gtin).ToArray()));
            insert.Parameters.Add(Array("lot", NpgsqlDbType.Text, lots));
            insert.Parameters.Add(Array("lot_key", NpgsqlDbType.Text, lotKeys));
            insert.Parameters.Add(Array("serial", NpgsqlDbType.Text, serials));
            insert.Parameters.Add(Array("expiry", NpgsqlDbType.Date, blocks.Select(b => b.Expiry).ToArray()));
            insert.Parameters.Add(Array("workstation", NpgsqlDbType.Text, blocks.Select(b => b.Workstation).ToArray()));
            insert.Parameters.Add(Array("needs_manual_check", NpgsqlDbType.Boolean, blocks.Select(b => b.NeedsManualCheck).ToArray()));
            insert.Parameters.Add(Array("since", NpgsqlDbType.TimestampTz, blocks.Select(b => PostgreSqlValues.Instant(b.Since)).ToArray()));
            insert.Parameters.Add(Array("reason", NpgsqlDbType.Text, blocks.Select(b => b.Reason).ToArray()));
            try
            {
                created = [];
                await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    created.Add(reader.GetInt64(0));
                }
            }
            catch (PostgresException e)
            {
                throw new StoreException($"A block of the batch of {count} could not be stored in {session.Where}: {e.MessageText}. None of the {count} blocks of this batch was stored.", e);
            }
        }

        var rows = await session.Connection.QueryAsync<BlockRow>(
            new CommandDefinition(
                SelectBatch,
                new { pharmacy = pharmacies, recall_id = recallIds, product_key = productKeys, lot_key = lotKeys, serial = serials },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        var placements = new BlockPlacement[count];
        foreach (var row in rows)
        {
            var block = row.ToBlock();

            // A pack twice in the batch was created by its first occurrence only.
            placements[row.N - 1] = new BlockPlacement(block, created.Remove(block.Id));
        }

        for (int i = 0; i < count; i++)
        {
            if (placements[i] is null)
            {
                throw new StoreException(
                    $"Block {i + 1} of {count} (recall {recallIds[i]}, {StoreValues.DescribePack(productKeys[i], lots[i], serials[i])}) was neither created nor found in {session.Where}.");
            }
        }

        return placements;
    }

    public async Task<StockBlock?> GetAsync(long blockId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var row = await session.Connection.QuerySingleOrDefaultAsync<BlockRow>(
            $"SELECT {Columns} FROM stock_blocks WHERE id = @blockId{session.PharmacyFilter()};",
            new { blockId, pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return row?.ToBlock();
    }

    public async Task<BlockPage> ListAsync(BlockFilter filter, Paging paging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(paging);
        paging.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        string where = StoreFilters.Blocks(filter) + session.PharmacyFilter();
        var parameters = new { filter.RecallId, filter.ProductKey, paging.Offset, paging.Limit, pharmacy = session.ReadPharmacy };
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
            WHERE lifted_at IS NOT NULL AND recall_id IN (SELECT id FROM recalls WHERE status = 'active'){session.PharmacyFilter()}
            ORDER BY id;
            """,
            new { pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToBlock()).ToList();
    }

    public Task<StockBlock> LiftAsync(long blockId, BlockLift lift, CancellationToken cancellationToken = default)
    {
        BlockLiftRules.Check(blockId, lift);
        return session.WriteAsync(
            async transaction =>
            {
                var connection = session.Connection;
                var parameters = new { blockId, At = PostgreSqlValues.Instant(lift.At), lift.By, lift.Reason, pharmacy = session.ReadPharmacy };

                // FOR UPDATE: of two hosts lifting at once, the second reads the first one's lift.
                var row = await connection.QuerySingleOrDefaultAsync<BlockRow>(
                    $"SELECT {Columns} FROM stock_blocks WHERE id = @blockId{session.PharmacyFilter()} FOR UPDATE;", parameters, transaction).ConfigureAwait(false)
                    ?? throw new BlockNotFoundException($"There is no stock block {blockId} in {session.Where}{(session.Scope.IsAll ? "" : $" for {session.Scope}")}.");
                BlockLiftRules.RefuseLifted(row.ToBlock());
                try
                {
                    var lifted = await connection.QuerySingleAsync<BlockRow>(
                        $"""
                        UPDATE stock_blocks SET lifted_at = @At, lifted_by = @By, lift_reason = @Reason WHERE id = @blockId AND lifted_at IS NULL
                        RETURNING {Columns};
                        """,
                        parameters,
                        transaction).ConfigureAwait(false);
                    return lifted.ToBlock();
                }
                catch (PostgresException e)
                {
                    throw session.Error($"Block {blockId} could not be lifted", e);
                }
            },
            cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, T[] values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };

    /// <summary>A <c>stock_blocks</c> row, with its place in a batch when read for one.</summary>
    private sealed class BlockRow
    {
        public long N { get; set; }

        public long Id { get; set; }

        public string Pharmacy { get; set; } = "";

        public long RecallId { get; set; }

        public string ProductKey { get; set; } = "";

        public string? Gtin { get; set; }

        public string? Lot { get; set; }

        public string? Serial { get; set; }

        public DateTime? Expiry { get; set; }

        public long? ScanId { get; set; }

        public string? Workstation { get; set; }

        public bool NeedsManualCheck { get; set; }

        public DateTime Since { get; set; }

        public string Reason { get; set; } = "";

        public DateTime? LiftedAt { get; set; }

        public string? LiftedBy { get; set; }

        public string? LiftReason { get; set; }

        public StockBlock ToBlock() => new(
            Id,
            RecallId,
            ProductKey,
            Gtin,
            Lot,
            Serial,
            PostgreSqlValues.ReadDate(Expiry),
            ScanId,
            Workstation,
            NeedsManualCheck,
            PostgreSqlValues.ReadInstant(Since),
            Reason,
            LiftedAt is { } at ? new BlockLift(LiftedBy ?? "", LiftReason ?? "", PostgreSqlValues.ReadInstant(at)) : null)
        {
            Pharmacy = Pharmacy,
        };
    }
}
