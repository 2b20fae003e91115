namespace RecallHub.Abstractions.Plugins;

/// <summary>How a pack or device went to a patient.</summary>
public enum HandoverEvent
{
    /// <summary>Dispensed at the counter (a device the patient takes away, such as an intra-uterine device).</summary>
    Dispensation = 0,

    /// <summary>Implanted (in the operating room, or handed to the implanter).</summary>
    Implantation = 1,
}
