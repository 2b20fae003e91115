namespace RecallHub.Abstractions.Plugins;

/// <summary>What a verification says about a pack.</summary>
public enum PackVerificationStatus
{
    /// <summary>The national system knows the pack and it may be handled: active, batch and product valid.</summary>
    Verified = 0,

    /// <summary>
    /// Anything else the national system answered (recalled batch, withdrawn product, already dispensed, stolen,
    /// unknown serial…): the pack must not leave; the plugin has published the notice that blocks it.
    /// </summary>
    Alert = 1,

    /// <summary>
    /// The national system could not be asked or did not answer: the pack is queued and will be verified later. Not
    /// an allow: the pack should wait.
    /// </summary>
    Pending = 2,

    /// <summary>
    /// The verifier threw on the batch holding this pack (set by the host): the counter cannot rely on anything it did,
    /// though a verifier that queues first will still settle the pack later.
    /// </summary>
    Failed = 3,
}
