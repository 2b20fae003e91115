namespace RecallHub.Sources.Nmvs.Client;

/// <summary>The national system's answer for one pack.</summary>
/// <param name="Pack">The pack it answers, as echoed by the system.</param>
/// <param name="ReturnCode">The return code (<c>NMVS_OK</c>, <c>NMVS_NC_PCK_22</c>…).</param>
internal sealed record NmvsPackResult(NmvsPack Pack, string ReturnCode)
{
    /// <summary>The system's own description of the code, if it gave one.</summary>
    public string? ReturnCodeDescription { get; init; }

    /// <summary>The pack's state (<c>Active</c>, <c>Supplied</c>, <c>Stolen</c>…), when the pack is known.</summary>
    public string? PackState { get; init; }

    /// <summary>The batch's state (<c>Active</c>, <c>Recalled</c>), when known.</summary>
    public string? BatchState { get; init; }

    /// <summary>The product's state (<c>Active</c>, <c>Withdrawn</c>), when known.</summary>
    public string? ProductState { get; init; }

    /// <summary>When the pack last changed state (dispensed, destroyed…), when the system said.</summary>
    public DateTimeOffset? StateChangedAt { get; init; }

    /// <summary>Whether that change was made by this pharmacy (a double scan) or elsewhere, when the system said.</summary>
    public bool? SameLocation { get; init; }

    /// <summary>The alert identifier an alert-raising answer carries.</summary>
    public string? AlertId { get; init; }

    /// <summary>The warning text an alert-raising answer carries.</summary>
    public string? WarningText { get; init; }

    /// <summary>The whole SOAP answer this result came in, kept with the notice it leads to.</summary>
    public string? RawResponse { get; init; }
}
