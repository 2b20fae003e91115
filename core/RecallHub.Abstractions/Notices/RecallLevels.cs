namespace RecallHub.Abstractions.Notices;

/// <summary>How deep a recall goes: who must act. Several can be set.</summary>
[Flags]
public enum RecallLevels
{
    /// <summary>Not stated by the source.</summary>
    None = 0,

    /// <summary>Community pharmacies (officines).</summary>
    Pharmacies = 1,

    /// <summary>Hospital pharmacies (pharmacies à usage intérieur).</summary>
    Hospitals = 2,

    /// <summary>Wholesalers and depositaries (grossistes-répartiteurs, dépositaires).</summary>
    Wholesalers = 4,

    /// <summary>Patients: dispensed packs must be traced back to the people who received them.</summary>
    Patients = 8,
}
