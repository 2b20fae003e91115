namespace RecallHub.Core.Storage;

/// <summary>
/// A source's checkpoint moved while a pull was reading from an older one: another host pulled the same source. The
/// pull's batch is rolled back; its notices are stored by the other pull or by the next one.
/// </summary>
public sealed class CheckpointConflictException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceId">The source.</param>
    /// <param name="expected">The checkpoint the pull started from.</param>
    public CheckpointConflictException(string sourceId, string? expected)
        : base($"The checkpoint of source '{sourceId}' is no longer {(expected is null ? "unset" : $"'{expected}'")}: another host pulled it meanwhile, so this pull's batch was not stored.")
    {
        SourceId = sourceId;
    }

    /// <summary>The source.</summary>
    public string SourceId { get; }
}
