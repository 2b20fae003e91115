using Microsoft.Extensions.Time.Testing;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

/// <summary>
/// A fresh store for one test class instance, whatever the store: SQLite (<see cref="StoreFixture"/>) or PostgreSQL
/// (<see cref="PostgreSqlStoreFixture"/>). The shared store tests are written against this, so that the very same
/// test methods run on both.
/// </summary>
public abstract class StoreTestFixture : IAsyncDisposable
{
    private readonly List<IRecallHubStore> _opened = [];

    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(1));

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>What the store's error messages name: the database file, or the PostgreSQL database.</summary>
    public abstract string Location { get; }

    /// <summary>Whether the store keeps several pharmacies apart.</summary>
    public abstract bool IsMultiPharmacy { get; }

    /// <summary>Opens (another instance of) the store on the fixture's database.</summary>
    public async Task<IRecallHubStore> OpenStoreAsync()
    {
        var store = await OpenStoreCoreAsync();
        _opened.Add(store);
        return store;
    }

    /// <summary>Opens the store when none is open, and a session on the latest one.</summary>
    public async Task<IStoreSession> SessionAsync(PharmacyScope scope = default)
    {
        var store = _opened.Count > 0 ? _opened[^1] : await OpenStoreAsync();
        return await store.OpenSessionAsync(scope, TestContext.Current.CancellationToken);
    }

    /// <summary>A number read behind the store's back.</summary>
    public abstract long Scalar(string sql);

    /// <summary>A text read behind the store's back.</summary>
    public abstract string? Text(string sql);

    /// <summary>An instant read behind the store's back (SQLite text or PostgreSQL <c>timestamptz</c>).</summary>
    public abstract DateTimeOffset? Instant(string sql);

    /// <summary>Runs a statement behind the store's back; it must be valid SQL on both stores.</summary>
    public abstract void Execute(string sql);

    /// <summary>Makes the database refuse any scan whose raw code is <paramref name="rawCode"/> with "poisoned row".</summary>
    public abstract void RefuseScansWithRawCode(string rawCode);

    /// <summary>Closes every store opened, as a restart would.</summary>
    public virtual void Close()
    {
        foreach (var store in _opened)
        {
            (store as IDisposable)?.Dispose();
        }

        _opened.Clear();
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task<IRecallHubStore> OpenStoreCoreAsync();
}
