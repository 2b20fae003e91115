namespace RecallHub.Core.Storage;

/// <summary>
/// What the pharmacy did about a recall: who acknowledged it and when, and the actions taken (quarantined, returned,
/// destroyed, patients contacted). Entries are never changed or deleted: the history is what inspections read.
/// </summary>
public interface IRecallFollowUpStore
{
    /// <summary>Records that a named person read the recall.</summary>
    /// <param name="acknowledgement">Who, when, and an optional note.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored acknowledgement's id.</returns>
    /// <exception cref="ArgumentException">The person is not named, or the recall does not exist.</exception>
    Task<long> AcknowledgeAsync(RecallAcknowledgement acknowledgement, CancellationToken cancellationToken = default);

    /// <summary>Records an action taken about the recall.</summary>
    /// <param name="action">What, how many, by whom, when.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored action's id.</returns>
    /// <exception cref="ArgumentException">The action or the person is missing, the quantity is negative, or the recall does not exist.</exception>
    Task<long> RecordActionAsync(RecallAction action, CancellationToken cancellationToken = default);

    /// <summary>Closes the recall's follow-up; a recall is closed once.</summary>
    /// <param name="closure">Who, when, and an optional note.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">The person is not named, or the recall does not exist.</exception>
    /// <exception cref="InvalidOperationException">The recall's follow-up was already closed (by whom and when is in the message).</exception>
    Task CloseAsync(RecallClosure closure, CancellationToken cancellationToken = default);

    /// <summary>The acknowledgements, actions and closure of a recall, oldest first.</summary>
    /// <param name="recallId">The recall.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<RecallFollowUp> GetAsync(long recallId, CancellationToken cancellationToken = default);
}
