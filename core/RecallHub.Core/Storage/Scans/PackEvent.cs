namespace RecallHub.Core.Storage;

/// <summary>Why a pack was scanned.</summary>
public enum PackEvent
{
    /// <summary>Received into stock (delivery from a wholesaler or a laboratory).</summary>
    Reception = 0,

    /// <summary>Dispensed to a patient.</summary>
    Dispensation = 1,

    /// <summary>Returned (by a patient, or back into stock after a cancelled dispensation).</summary>
    Return = 2,

    /// <summary>Destroyed.</summary>
    Destruction = 3,

    /// <summary>Implanted in a patient (devices under special traceability).</summary>
    Implantation = 4,
}
