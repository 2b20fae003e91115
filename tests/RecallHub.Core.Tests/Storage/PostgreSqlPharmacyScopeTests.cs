using RecallHub.Abstractions.Identifiers;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.PostgreSql;
using RecallHub.Core.Tenancy;

namespace RecallHub.Core.Tests.Storage;

/// <summary>
/// A PostgreSQL store keeps pharmacies apart (see <see cref="PharmacyScope"/>): what one pharmacy writes, another
/// never reads; the hub's all-pharmacies session reads every one, each row naming its pharmacy.
/// </summary>
public sealed class PostgreSqlPharmacyScopeTests : IAsyncDisposable
{
    private static readonly PharmacyScope A = PharmacyScope.Of(FinessNumber.Parse("750712184"));
    private static readonly PharmacyScope B = PharmacyScope.Of(FinessNumber.Parse("690000880"));

    private readonly PostgreSqlStoreFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static PackScan Scan(string serial, string lot = "A53014", PackEvent @event = PackEvent.Reception) => new()
    {
        RawCode = $"]d201{Notices.Gtin14}1728022910{lot}\u001d21{serial}",
        Scheme = IdentifierScheme.Gs1,
        Gtin = Notices.Gtin14,
        ProductKey = Notices.Gtin14,
        Lot = lot,
        Serial = serial,
        Event = @event,
        ScannedAt = StoreTestFixture.Start,
    };

    private static NewStockBlock Block(long recallId, string serial, string pharmacy = "") =>
        new(recallId, Notices.Gtin14, "A53014", serial, "Lot rappelé") { Since = StoreTestFixture.Start, Pharmacy = pharmacy };

    private async Task<long> RecallAsync()
    {
        await using var hub = await _fixture.SessionAsync(PharmacyScope.All);
        return (await hub.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct)).RecallId;
    }

    [Fact]
    public async Task Scans_states_and_holdings_of_one_pharmacy_are_invisible_to_another_and_all_sees_both()
    {
        await using (var a = await _fixture.SessionAsync(A))
        {
            await a.Scans.AppendAsync([Scan("S1"), Scan("S1", @event: PackEvent.Dispensation), Scan("S2")], _ct);
        }

        await using (var b = await _fixture.SessionAsync(B))
        {
            await b.Scans.AppendAsync([Scan("S1")], _ct);
            Assert.Equal(1, await b.Scans.CountAsync(_ct));
            Assert.Single(await b.Scans.FindBySerialAsync(Notices.Gtin14, "S1", _ct));
            Assert.Equal(PackStatus.InStock, (await b.Scans.GetPackStateAsync(Notices.Gtin14, "S1", _ct))!.Status);
            Assert.Null(await b.Scans.GetPackStateAsync(Notices.Gtin14, "S2", _ct));
            Assert.Equal([("S1", true)], (await b.Scans.FindHoldingsAsync(Notices.Gtin14, ["A53014"], _ct)).Select(h => (h.Serial, h.InStock)));
        }

        await using var single = await _fixture.SessionAsync();
        Assert.Equal(0, await single.Scans.CountAsync(_ct));

        await using var all = await _fixture.SessionAsync(PharmacyScope.All);
        Assert.Equal(4, await all.Scans.CountAsync(_ct));
        var holdings = await all.Scans.FindHoldingsAsync(Notices.Gtin14, ["A53014"], _ct);
        Assert.Equal(
            [(B.Pharmacy, "S1", true), (A.Pharmacy, "S1", false), (A.Pharmacy, "S2", true)],
            holdings.Select(h => (h.Pharmacy, h.Serial, h.InStock)).OrderBy(h => h.Pharmacy, StringComparer.Ordinal).ThenBy(h => h.Serial, StringComparer.Ordinal));
        await Assert.ThrowsAsync<InvalidOperationException>(() => all.Scans.AppendAsync([Scan("S9")], _ct));
    }

    [Fact]
    public async Task Blocks_belong_to_their_pharmacy_and_another_pharmacys_block_is_not_found()
    {
        long recall = await RecallAsync();
        StockBlock blockOfA;
        await using (var hub = await _fixture.SessionAsync(PharmacyScope.All))
        {
            var placed = await hub.Blocks.PlaceAsync([Block(recall, "S1", A.Pharmacy), Block(recall, "S1", B.Pharmacy), Block(recall, "S2", B.Pharmacy)], _ct);
            Assert.All(placed, p => Assert.True(p.Created)); // the same pack in two pharmacies is two blocks
            Assert.Equal([A.Pharmacy, B.Pharmacy, B.Pharmacy], placed.Select(p => p.Block.Pharmacy));
            blockOfA = placed[0].Block;
            Assert.Equal(3, (await hub.Blocks.ListAsync(BlockFilter.All, Paging.First, _ct)).Total);
        }

        await using var b = await _fixture.SessionAsync(B);
        Assert.Equal(2, (await b.Blocks.ListAsync(BlockFilter.All, Paging.First, _ct)).Total);
        Assert.Null(await b.Blocks.GetAsync(blockOfA.Id, _ct));
        await Assert.ThrowsAsync<BlockNotFoundException>(() => b.Blocks.LiftAsync(blockOfA.Id, new BlockLift("M. Durand", "Vérifié", StoreTestFixture.Start), _ct));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => b.Blocks.PlaceAsync([Block(recall, "S3", A.Pharmacy)], _ct));
        Assert.Contains(A.Pharmacy, error.Message, StringComparison.Ordinal);
        Assert.Equal(B.Pharmacy, Assert.Single(await b.Blocks.PlaceAsync([Block(recall, "S4")], _ct)).Block.Pharmacy); // "" is the session's own

        // Lifted blocks: each pharmacy lets through only its own; the hub sees every one with its pharmacy.
        var bS1 = (await b.Blocks.ListAsync(new BlockFilter { Active = true }, Paging.First, _ct)).Items.Single(x => x.Serial == "S1");
        await b.Blocks.LiftAsync(bS1.Id, new BlockLift("M. Durand", "Vérifié", StoreTestFixture.Start), _ct);
        await using var a = await _fixture.SessionAsync(A);
        Assert.Empty(await a.Blocks.ListLiftedOfActiveRecallsAsync(_ct));
        Assert.Equal(bS1.Id, Assert.Single(await b.Blocks.ListLiftedOfActiveRecallsAsync(_ct)).Id);
        await using var all = await _fixture.SessionAsync(PharmacyScope.All);
        Assert.Equal(B.Pharmacy, Assert.Single(await all.Blocks.ListLiftedOfActiveRecallsAsync(_ct)).Pharmacy);
    }

    [Fact]
    public async Task Each_pharmacy_follows_a_recall_up_on_its_own()
    {
        long recall = await RecallAsync();
        await using (var a = await _fixture.SessionAsync(A))
        {
            await a.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(recall, "Marie", StoreTestFixture.Start), _ct);
            await a.FollowUp.RecordActionAsync(new RecallAction(recall, "détruit", 2, "Marie", StoreTestFixture.Start), _ct);
            await a.FollowUp.CloseAsync(new RecallClosure(recall, "Marie", StoreTestFixture.Start), _ct);
        }

        await using var b = await _fixture.SessionAsync(B);
        var followUp = await b.FollowUp.GetAsync(recall, _ct);
        Assert.False(followUp.IsAcknowledged);
        Assert.Empty(followUp.Actions);
        Assert.Null(followUp.Closure);
        await b.FollowUp.CloseAsync(new RecallClosure(recall, "Paul", StoreTestFixture.Start), _ct); // B closes its own

        await using var all = await _fixture.SessionAsync(PharmacyScope.All);
        Assert.Single((await all.FollowUp.GetAsync(recall, _ct)).Acknowledgements);
        await Assert.ThrowsAsync<InvalidOperationException>(() => all.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(recall, "Hub", StoreTestFixture.Start), _ct));
    }

    [Fact]
    public async Task Each_pharmacy_has_its_own_audit_chain_and_accounts()
    {
        await using (var a = await _fixture.SessionAsync(A))
        {
            await a.Audit.AppendAsync(new AuditEntry(StoreTestFixture.Start, "Marie", "block.lifted", "block:1", null), _ct);
            await a.Users.AddAsync("Marie", UserRole.Pharmacist, "hash-a", StoreTestFixture.Start, _ct);
        }

        await using (var b = await _fixture.SessionAsync(B))
        {
            await b.Audit.AppendAsync(new AuditEntry(StoreTestFixture.Start, "Paul", "block.lifted", "block:1", null), _ct);
            await b.Audit.AppendAsync(new AuditEntry(StoreTestFixture.Start, "Paul", "recall.read", "recall:1", null), _ct);
            await b.Users.AddAsync("marie", UserRole.Assistant, "hash-b", StoreTestFixture.Start, _ct); // another pharmacy's Marie
            Assert.Equal(["Paul"], (await b.Audit.ListAsync("block:1", _ct)).Select(e => e.Entry.Actor));
            Assert.Equal(2, (await b.Audit.ListRecentAsync(Paging.First, cancellationToken: _ct)).Total);
            Assert.Equal(new AuditChainVerification(2, null, null), await b.Audit.VerifyAsync(_ct));
            Assert.Equal(("marie", UserRole.Assistant), ((await b.Users.FindAsync("MARIE", _ct))!.Name, (await b.Users.FindAsync("MARIE", _ct))!.Role));
            await Assert.ThrowsAsync<ArgumentException>(() => b.Users.AddAsync("MARIE", UserRole.Admin, "h", StoreTestFixture.Start, _ct));
        }

        await using var a2 = await _fixture.SessionAsync(A);
        Assert.Equal(new AuditChainVerification(1, null, null), await a2.Audit.VerifyAsync(_ct));
        Assert.Equal("hash-a", Assert.Single(await a2.Users.ListAsync(_ct)).PasswordHash);

        await using var all = await _fixture.SessionAsync(PharmacyScope.All);
        Assert.Equal(new AuditChainVerification(3, null, null), await all.Audit.VerifyAsync(_ct)); // both chains, each from its start
        Assert.Equal(2, (await all.Users.ListAsync(_ct)).Count);
    }

    [Fact]
    public async Task Scan_batches_cancelled_halfway_among_concurrent_ones_leave_no_lock_behind()
    {
        // Regression: a batch took its ids under a session-level advisory lock; a request cancelled inside its
        // transaction could leave the lock on the pooled connection, and every host's scans then waited behind it.
        var batches = Enumerable.Range(0, 8).Select(async n =>
        {
            using var cancel = n % 2 == 0 ? new CancellationTokenSource(TimeSpan.FromMilliseconds(n)) : new CancellationTokenSource();
            await using var session = await _fixture.SessionAsync(n % 3 == 0 ? B : A);
            try
            {
                await using var transaction = await session.BeginTransactionAsync(cancel.Token);
                var ids = await session.Scans.AppendAsync([.. Enumerable.Range(0, 300).Select(i => Scan($"B{n}S{i}"))], cancel.Token);
                await transaction.CommitAsync(cancel.Token);
                return ids;
            }
            catch (Exception e) when (e is OperationCanceledException || cancel.IsCancellationRequested)
            {
                return null;
            }
        });
        var stored = (await Task.WhenAll(batches)).Where(ids => ids is not null).Select(ids => ids!).ToList();

        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"));
        Assert.All(stored, ids => Assert.Equal(ids.Order(), ids)); // each batch's ids follow its order
        Assert.Equal(stored.Sum(ids => ids.Count), stored.SelectMany(ids => ids).Distinct().Count());

        // And the store still takes scans at once.
        await using var after = await _fixture.SessionAsync(A);
        Assert.Single(await after.Scans.AppendAsync([Scan("AFTER1")], _ct).WaitAsync(TimeSpan.FromSeconds(30), _ct));
    }

    [Fact]
    public async Task Two_hosts_opening_a_new_database_at_once_migrate_it_once()
    {
        string connectionString = _fixture.ConnectionString;
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlRecallHubStore.OpenAsync(connectionString, _fixture.Clock, _ct), _ct)));
        try
        {
            Assert.Equal(1, stores.Count(s => s.AppliedMigrations.Count > 0));
            Assert.Equal(PostgreSqlRecallHubStore.SchemaVersion, _fixture.Scalar("SELECT MAX(version) FROM schema_migrations"));
            Assert.Equal(PostgreSqlRecallHubStore.SchemaVersion, _fixture.Scalar("SELECT COUNT(*) FROM schema_migrations")); // each version once
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_named_without_the_password()
    {
        // A port nobody listens on: refused at once.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<StoreException>(() =>
            PostgreSqlRecallHubStore.OpenAsync($"Host=127.0.0.1;Port={port};Database=pharmacies;Username=hub;Password=s3cr3t-pw;Timeout=5", _fixture.Clock, _ct));

        Assert.Contains($"'pharmacies' on 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", error.Message, StringComparison.Ordinal);
        var bad = await Assert.ThrowsAsync<StoreException>(() => PostgreSqlRecallHubStore.OpenAsync("Host=;Password=s3cr3t-pw;Nonsense", _fixture.Clock, _ct));
        Assert.DoesNotContain("s3cr3t-pw", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SQLite_store_refuses_a_session_for_one_pharmacy_of_several()
    {
        await using var sqlite = new StoreFixture();
        var store = await sqlite.OpenAsync();

        var error = await Assert.ThrowsAsync<StoreException>(() => store.OpenSessionAsync(A, _ct));

        Assert.Contains("750712184", error.Message, StringComparison.Ordinal);
        Assert.False(store.IsMultiPharmacy);
        Assert.True((await _fixture.OpenStoreAsync()).IsMultiPharmacy);
    }
}
