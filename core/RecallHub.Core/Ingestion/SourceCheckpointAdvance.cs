namespace RecallHub.Core.Ingestion;

/// <summary>A source's new checkpoint, committed together with the notices of the pull that returned it.</summary>
/// <param name="SourceId">The source plugin's id.</param>
/// <param name="Checkpoint">The checkpoint.</param>
public sealed record SourceCheckpointAdvance(string SourceId, string Checkpoint)
{
    /// <summary>
    /// When set, the checkpoint the pull started from: the advance (and with it the whole batch) is refused with a
    /// <see cref="Storage.CheckpointConflictException"/> if another host moved the checkpoint meanwhile.
    /// </summary>
    public ExpectedCheckpoint? Expected { get; init; }

    /// <summary>Writes the advance in <paramref name="checkpoints"/>' session (its transaction, when one is open).</summary>
    internal async Task ApplyAsync(Storage.ICheckpointStore checkpoints, CancellationToken cancellationToken)
    {
        if (Expected is not { } expected)
        {
            await checkpoints.SetAsync(SourceId, Checkpoint, cancellationToken).ConfigureAwait(false);
        }
        else if (!await checkpoints.TryAdvanceAsync(SourceId, expected.Checkpoint, Checkpoint, cancellationToken).ConfigureAwait(false))
        {
            throw new Storage.CheckpointConflictException(SourceId, expected.Checkpoint);
        }
    }
}
