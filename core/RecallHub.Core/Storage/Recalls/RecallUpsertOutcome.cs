namespace RecallHub.Core.Storage;

/// <summary>What storing a notice did.</summary>
public enum RecallUpsertOutcome
{
    /// <summary>A new recall was created from the notice.</summary>
    Created = 0,

    /// <summary>The notice is a new version (or corrected content) of a stored one: a revision was added.</summary>
    NewRevision = 1,

    /// <summary>
    /// The notice came from another source or id with the alert number of a stored recall, or from another source about
    /// the same product and lots as an active recall published around the same time: it was linked to it.
    /// </summary>
    Linked = 2,

    /// <summary>The same notice (source, id, version and content) was already stored: nothing was written.</summary>
    Unchanged = 3,

    /// <summary>A newer version of this notice is already stored: nothing was written.</summary>
    Outdated = 4,
}
