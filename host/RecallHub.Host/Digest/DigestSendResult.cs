namespace RecallHub.Host.Digest;

/// <summary>The answer to a send of the digest.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Day">The day asked for.</param>
/// <param name="LastSentDay">The last day whose digest was sent, after this call.</param>
/// <param name="EventId">The digest event's id, when it was written.</param>
internal sealed record DigestSendResult(DigestSendOutcome Outcome, DateOnly Day, DateOnly? LastSentDay, string? EventId)
{
    /// <summary>The FINESS number of the pharmacy whose digest it is, in a multi-pharmacy hub; else <see langword="null"/>.</summary>
    public string? Pharmacy { get; init; }
}
