namespace RecallHub.Sources.AclSante.Fsn;

/// <summary>
/// One safety notice as the portal describes it, in the terms of the EU Field Safety Notice (MDR art. 89(8)): what
/// <see cref="Wire.WireMapping"/> reads from the wire, before it becomes a hub notice.
/// </summary>
/// <remarks>Every member but <see cref="Reference"/> and <see cref="IssueDate"/> may be missing on the wire.</remarks>
internal sealed record FieldSafetyNotice
{
    /// <summary>The FSCA reference, the same for the notice and all its follow-ups.</summary>
    public required string Reference { get; init; }

    /// <summary>New notice or follow-up of an earlier one.</summary>
    public FsnType Type { get; init; }

    /// <summary>The notice's version as the portal numbers it (1 for the new notice), when given.</summary>
    public int? Version { get; init; }

    /// <summary>When the manufacturer issued this notice (a bare date is midnight in Paris).</summary>
    public required DateTimeOffset IssueDate { get; init; }

    /// <summary>When the portal last changed the record: what the checkpoint follows.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The title as published (<c>AVIS DE SÉCURITÉ URGENT – …</c>).</summary>
    public string? Title { get; init; }

    /// <summary>The type of action (<c>recall</c>, <c>withdrawal</c>, <c>information</c>, <c>field_safety_corrective_action</c>…).</summary>
    public string? ActionType { get; init; }

    /// <summary>The competent authority's number (ANSM <c>R2619855</c>), which links the notice to ANSM's.</summary>
    public string? AlertNumber { get; init; }

    /// <summary>The manufacturer's name.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Who must act (<c>pharmacies</c>, <c>hospitals</c>, <c>wholesalers</c>, <c>patients</c>, or French words).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The devices concerned.</summary>
    public IReadOnlyList<AffectedDevice> Devices { get; init; } = [];

    /// <summary>Section 2: the product problem.</summary>
    public string? Problem { get; init; }

    /// <summary>Section 2: the predicted risk to patients or users.</summary>
    public string? Risk { get; init; }

    /// <summary>Section 3: what users must do.</summary>
    public IReadOnlyList<UserAction> UserActions { get; init; } = [];

    /// <summary>The deadline for the user actions, when one is given for all of them.</summary>
    public DateOnly? ActionDeadline { get; init; }

    /// <summary>The customer reply form must be returned.</summary>
    public bool ReplyRequired { get; init; }

    /// <summary>The reply form's deadline.</summary>
    public DateOnly? ReplyDeadline { get; init; }

    /// <summary>The reply form itself, when online.</summary>
    public string? ReplyFormUrl { get; init; }

    /// <summary>The notice's documents (the FSN PDF, the reply form, the list of serials…).</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>What the wire mapping could not read, in plain sentences.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
