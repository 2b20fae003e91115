namespace RecallHub.Core.Storage;

/// <summary>Something a person (or the hub) did.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: a named person, or <c>hub</c> for automatic actions.</param>
/// <param name="Action">What, as a stable dotted name (<c>block.lifted</c>).</param>
/// <param name="Subject">On what (<c>block:42</c>, <c>recall:7</c>).</param>
/// <param name="Details">Anything else worth keeping (the reason), or <see langword="null"/>.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string? Details);
