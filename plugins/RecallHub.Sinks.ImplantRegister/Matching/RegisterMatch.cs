namespace RecallHub.Sinks.ImplantRegister.Matching;

/// <summary>Whether a recall reaches a registered device.</summary>
internal enum RegisterMatch
{
    /// <summary>Not concerned.</summary>
    None = 0,

    /// <summary>Concerned: contact the patient.</summary>
    Concerned = 1,

    /// <summary>The register lacks what the recall selects on (no lot, serial or expiry recorded): check, then contact.</summary>
    CannotTell = 2,
}
