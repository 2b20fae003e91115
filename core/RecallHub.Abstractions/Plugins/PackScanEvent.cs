namespace RecallHub.Abstractions.Plugins;

/// <summary>Why a pack was scanned, as a plugin sees it.</summary>
public enum PackScanEvent
{
    /// <summary>Received into stock.</summary>
    Reception = 0,

    /// <summary>Dispensed to a patient.</summary>
    Dispensation = 1,

    /// <summary>Returned into stock.</summary>
    Return = 2,

    /// <summary>Destroyed.</summary>
    Destruction = 3,

    /// <summary>Implanted in a patient.</summary>
    Implantation = 4,
}
