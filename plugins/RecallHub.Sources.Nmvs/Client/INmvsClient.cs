namespace RecallHub.Sources.Nmvs.Client;

/// <summary>The national verification system, as the plugin uses it.</summary>
/// <remarks>
/// Every method throws <see cref="NmvsUnavailableException"/> when the system cannot be asked or answers with a
/// technical fault; any other answer, alerts included, is returned.
/// </remarks>
internal interface INmvsClient
{
    /// <summary>Verifies one pack.</summary>
    Task<NmvsPackResult> VerifyAsync(NmvsPack pack, CancellationToken cancellationToken);

    /// <summary>Dispenses (decommissions) one pack.</summary>
    Task<NmvsPackResult> DispenseAsync(NmvsPack pack, CancellationToken cancellationToken);

    /// <summary>Undoes the dispense of one pack (within 10 days, by the location that dispensed it).</summary>
    Task<NmvsPackResult> UndoDispenseAsync(NmvsPack pack, CancellationToken cancellationToken);

    /// <summary>Verifies several packs in one request; one result per pack, in order.</summary>
    Task<IReadOnlyList<NmvsPackResult>> VerifyBulkAsync(IReadOnlyList<NmvsPack> packs, CancellationToken cancellationToken);

    /// <summary>Dispenses several packs in one request; one result per pack, in order.</summary>
    Task<IReadOnlyList<NmvsPackResult>> DispenseBulkAsync(IReadOnlyList<NmvsPack> packs, CancellationToken cancellationToken);

    /// <summary>Undoes the dispense of several packs in one request; one result per pack, in order.</summary>
    Task<IReadOnlyList<NmvsPackResult>> UndoDispenseBulkAsync(IReadOnlyList<NmvsPack> packs, CancellationToken cancellationToken);
}
