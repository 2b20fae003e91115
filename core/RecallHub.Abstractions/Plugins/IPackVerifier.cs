namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// An optional second face of a source plugin: it verifies the serialised packs the pharmacy scans against a
/// national verification system (NMVS) and turns each alert into notices it publishes through
/// <see cref="ISourceContext.PublishAsync"/>. The host hands it every stored scan that carries a GTIN and a serial
/// number, right after the scans are committed, and shows its answers to the person scanning.
/// </summary>
/// <remarks>
/// <para>Added in contract 1.1. A host of contract 1.0 never calls it: the plugin then runs as a plain source.</para>
/// <para>Never lose a pack: a pack the verifier cannot settle now (network down, timeout, a technical error of the
/// national system) must be kept durably — in <see cref="IPluginContext.State"/> — before
/// <see cref="VerifyAsync"/> returns, answered <see cref="PackVerificationStatus.Pending"/>, and settled later (on
/// <see cref="IRecallSource.FetchAsync"/>, which the schedule calls), publishing then what it finds.</para>
/// <para>Alerts block through the engine: when the answer is <see cref="PackVerificationStatus.Alert"/>, the verifier has
/// already published (and the hub committed) the notice that blocks the pack or its batch.</para>
/// <para>Concurrency: <see cref="VerifyAsync"/> may run while <see cref="IRecallSource.FetchAsync"/> runs, and several
/// calls may overlap (two counters scanning at once). It should bound its own time (the person scanning waits); an
/// exception leaves those packs unverified, and the host says so at the counter.</para>
/// </remarks>
public interface IPackVerifier
{
    /// <summary>Verifies scanned packs (or records them as dispensed, when the plugin is set to).</summary>
    /// <param name="packs">The packs, in scan order; each has a GTIN and a serial number.</param>
    /// <param name="cancellationToken">The host is shutting down; packs not yet answered must stay queued.</param>
    /// <returns>One answer per pack the verifier handled, in any order, keyed by <see cref="PackToVerify.ScanId"/>;
    /// packs it does not handle (a destruction scan, a product outside its scope) are left out.</returns>
    ValueTask<IReadOnlyList<PackVerification>> VerifyAsync(IReadOnlyList<PackToVerify> packs, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the verification of a pack is still waiting: queued because the national system could not be reached,
    /// or being asked right now. The counter's check then answers "verification pending" instead of allowing the pack.
    /// </summary>
    /// <remarks>
    /// Called on every counter check, possibly from several threads at once: answer from memory (keep a view of the
    /// durable queue loaded at start), never with I/O.
    /// </remarks>
    /// <param name="gtin">The pack's GTIN-14.</param>
    /// <param name="serial">The pack's serial number.</param>
    bool IsPending(string gtin, string serial);
}
