namespace RecallHub.Sources.Nmvs.Client;

/// <summary>An answer of the national system.</summary>
/// <param name="Operation">The operation answered.</param>
/// <param name="ClientTransactionId">The client's id of the request, echoed.</param>
/// <param name="NmvsTransactionId">The system's id of the transaction.</param>
/// <param name="ReturnCode">The request's overall return code.</param>
/// <param name="Results">One result per pack, in request order.</param>
internal sealed record NmvsResponse(NmvsOperation Operation, string ClientTransactionId, string? NmvsTransactionId, string ReturnCode, IReadOnlyList<NmvsPackResult> Results);
