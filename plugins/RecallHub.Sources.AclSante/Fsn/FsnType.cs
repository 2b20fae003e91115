namespace RecallHub.Sources.AclSante.Fsn;

/// <summary>Section 4 of the FSN: a new notice, or a follow-up (update) of an earlier one.</summary>
internal enum FsnType
{
    /// <summary>The first notice of an FSCA.</summary>
    New = 0,

    /// <summary>An update of an earlier notice with the same reference.</summary>
    FollowUp = 1,
}
