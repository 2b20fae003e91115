namespace RecallHub.Core.Storage;

/// <summary>Where a serialised pack is, after its latest scan.</summary>
public enum PackStatus
{
    /// <summary>In the pharmacy's stock (received, or returned).</summary>
    InStock = 0,

    /// <summary>Dispensed to a patient.</summary>
    Dispensed = 1,

    /// <summary>Destroyed.</summary>
    Destroyed = 2,

    /// <summary>Implanted in a patient.</summary>
    Implanted = 3,
}
