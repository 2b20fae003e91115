namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>A register entry as stored: the device, the handover, and the patient still sealed.</summary>
internal sealed class EntryRow
{
    public long Id { get; set; }

    public string EventId { get; set; } = "";

    public long ScanId { get; set; }

    public string Event { get; set; } = "";

    public string HandedOverAt { get; set; } = "";

    public string UdiDi { get; set; } = "";

    public string Udi { get; set; } = "";

    public string RawCode { get; set; } = "";

    public string DeviceName { get; set; } = "";

    public string Manufacturer { get; set; } = "";

    public long BloodDerived { get; set; }

    public string? Lot { get; set; }

    public string? Serial { get; set; }

    public string? Expiry { get; set; }

    public string? Place { get; set; }

    public string? Prescriber { get; set; }

    public string? Operator { get; set; }

    public string? Workstation { get; set; }

    public string SealedPatient { get; set; } = "";

    public string InsHash { get; set; } = "";

    public string RetainUntil { get; set; } = "";

    /// <summary>Filled by recall queries: <c>concerned</c> or <c>cannot_tell</c>.</summary>
    public string? Outcome { get; set; }
}
