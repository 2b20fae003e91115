namespace RecallHub.Core.Storage;

/// <summary>Everything the pharmacy recorded about one recall.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="Acknowledgements">Who read it and when, oldest first.</param>
/// <param name="Actions">What was done, oldest first.</param>
public sealed record RecallFollowUp(long RecallId, IReadOnlyList<RecallAcknowledgement> Acknowledgements, IReadOnlyList<RecallAction> Actions)
{
    /// <summary>Whether anyone acknowledged the recall.</summary>
    public bool IsAcknowledged => Acknowledgements.Count > 0;

    /// <summary>Who closed the follow-up and when, or <see langword="null"/> while it is open.</summary>
    public RecallClosure? Closure { get; init; }
}
