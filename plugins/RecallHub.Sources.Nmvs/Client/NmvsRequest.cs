namespace RecallHub.Sources.Nmvs.Client;

/// <summary>A request as read by the simulator.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Header">Who asks.</param>
/// <param name="Packs">The packs, one for single-pack operations.</param>
internal sealed record NmvsRequest(NmvsOperation Operation, NmvsRequestHeader Header, IReadOnlyList<NmvsPack> Packs);
