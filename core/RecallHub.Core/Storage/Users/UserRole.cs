namespace RecallHub.Core.Storage;

/// <summary>What a dashboard account may do.</summary>
public enum UserRole
{
    /// <summary>Reads recalls and blocks, and acknowledges recalls (reading is a step anyone at the counter records).</summary>
    Assistant = 0,

    /// <summary>Everything an assistant does, plus recording actions, closing recalls, lifting blocks and reading the implant register.</summary>
    Pharmacist = 1,

    /// <summary>Reads the dashboard and manages accounts; takes no decision about stock and never sees patients.</summary>
    Admin = 2,
}
