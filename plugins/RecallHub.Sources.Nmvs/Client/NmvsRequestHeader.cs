namespace RecallHub.Sources.Nmvs.Client;

/// <summary>Who asks, and the client's id for the transaction.</summary>
/// <param name="ClientTransactionId">The client's id of this request, echoed in the answer.</param>
/// <param name="UserId">The pharmacy's user id at the national system, if the mode needs one.</param>
internal sealed record NmvsRequestHeader(string ClientTransactionId, string? UserId)
{
    /// <summary>The user's password, when the system asks for one besides the certificate.</summary>
    public string? Password { get; init; }
}
