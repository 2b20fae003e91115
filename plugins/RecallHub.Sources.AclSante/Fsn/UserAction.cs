namespace RecallHub.Sources.AclSante.Fsn;

/// <summary>Section 3 of the FSN: one action users must take.</summary>
/// <param name="Code">The template's action code (<c>quarantine_device</c>, <c>return_device</c>…), when given.</param>
/// <param name="Text">The manufacturer's own words, when given.</param>
/// <param name="Deadline">When it must be done by.</param>
internal sealed record UserAction(string? Code, string? Text, DateOnly? Deadline);
