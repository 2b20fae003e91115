namespace RecallHub.Core.Matching;

/// <summary>Whether a recall concerns one pack.</summary>
public enum MatchOutcome
{
    /// <summary>The pack is not concerned: it may be dispensed as far as this recall goes.</summary>
    NotConcerned = 0,

    /// <summary>The pack is concerned: block it.</summary>
    Concerned = 1,

    /// <summary>
    /// The recall names the pack's product, but the scan lacks what the recall selects on (no lot, serial or expiry,
    /// as with a plain EAN-13 barcode), or the lot matches with another expiry: a person must check the box against
    /// the notice. Never treat this as <see cref="NotConcerned"/>.
    /// </summary>
    CannotTell = 2,
}
