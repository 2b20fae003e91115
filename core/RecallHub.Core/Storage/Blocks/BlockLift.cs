namespace RecallHub.Core.Storage;

/// <summary>A named person's decision to lift a block.</summary>
/// <param name="By">Who decided (a named person, not a workstation).</param>
/// <param name="Reason">Why (mandatory): returned to the wholesaler, destroyed, lot checked and not concerned…</param>
/// <param name="At">When.</param>
public sealed record BlockLift(string By, string Reason, DateTimeOffset At);
