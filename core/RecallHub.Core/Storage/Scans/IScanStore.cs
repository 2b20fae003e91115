namespace RecallHub.Core.Storage;

/// <summary>Pack scans, and the state of each serialised pack that follows from them.</summary>
/// <remarks>
/// A batch is stored in one transaction: all its scans or none. Once <see cref="AppendAsync"/> has returned (outside a
/// session transaction) the scans are durable. Scans are never updated or deleted.
/// </remarks>
public interface IScanStore
{
    /// <summary>Stores a batch of scans, all or nothing, and updates the state of their serialised packs.</summary>
    /// <param name="scans">The scans, in the order they were made.</param>
    /// <param name="cancellationToken">Cancels before the commit; nothing is stored then.</param>
    /// <returns>The stored ids, in the order of <paramref name="scans"/>.</returns>
    /// <exception cref="StoreException">A scan could not be stored (the message names it); none of the batch was stored.</exception>
    Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PackScan> scans, CancellationToken cancellationToken = default);

    /// <summary>The scans of a product, optionally of one lot (compared case- and white-space-insensitively), oldest first.</summary>
    /// <param name="productKey">The product's key (<see cref="ProductKeys"/>).</param>
    /// <param name="lot">The lot, or <see langword="null"/> for every lot.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<StoredPackScan>> FindByProductAsync(string productKey, string? lot = null, CancellationToken cancellationToken = default);

    /// <summary>The scans of one serialised pack, oldest first.</summary>
    /// <param name="productKey">The product's key.</param>
    /// <param name="serial">The pack's serial number.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<StoredPackScan>> FindBySerialAsync(string productKey, string serial, CancellationToken cancellationToken = default);

    /// <summary>The state of a serialised pack, or <see langword="null"/> when it was never scanned.</summary>
    /// <param name="productKey">The product's key.</param>
    /// <param name="serial">The pack's serial number.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<PackState?> GetPackStateAsync(string productKey, string serial, CancellationToken cancellationToken = default);

    /// <summary>
    /// The packs of a product the pharmacy holds or held, optionally only those of some lots: one per serialised box
    /// (its state from <c>pack_states</c>) and one per lot for boxes scanned without a serial.
    /// </summary>
    /// <param name="productKey">The product's key (<see cref="ProductKeys"/>).</param>
    /// <param name="lots">
    /// The lots as written in a recall (compared case- and white-space-insensitively), or <see langword="null"/> for
    /// every lot. Packs whose lot is unknown are always included: a recall cannot rule them out.
    /// </param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<PackHolding>> FindHoldingsAsync(string productKey, IReadOnlyCollection<string>? lots, CancellationToken cancellationToken = default);

    /// <summary>How many scans are stored.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
