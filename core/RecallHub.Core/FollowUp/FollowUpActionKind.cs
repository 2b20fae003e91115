namespace RecallHub.Core.FollowUp;

/// <summary>What the pharmacy did about a recall; stored as <see cref="FollowUpActions.Code"/>.</summary>
public enum FollowUpActionKind
{
    /// <summary>Packs set aside, out of the dispensing stock (quantity required).</summary>
    Quarantined = 0,

    /// <summary>Packs returned to the wholesaler or the laboratory (quantity required).</summary>
    Returned = 1,

    /// <summary>Packs destroyed (quantity required).</summary>
    Destroyed = 2,

    /// <summary>Checked: the pharmacy holds none of the recalled packs (quantity 0).</summary>
    NotConcerned = 3,

    /// <summary>The patients who received the product were contacted (quantity: how many, optional).</summary>
    PatientsContacted = 4,
}
