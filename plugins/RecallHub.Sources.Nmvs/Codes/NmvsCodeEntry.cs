namespace RecallHub.Sources.Nmvs.Codes;

/// <summary>
/// One return code or pack state of the national system, translated for the counter. The sentence may hold
/// placeholders filled from the answer: <c>{batch}</c>, <c>{expiry}</c>, <c>{serial}</c>, <c>{date}</c>,
/// <c>{where}</c>, <c>{state}</c>, <c>{code}</c>.
/// </summary>
/// <param name="Code">The return code (<c>NMVS_NC_PCK_22</c>) or pack state (<c>Stolen</c>).</param>
/// <param name="Outcome">What it means for the pack.</param>
/// <param name="Sentence">What happened, in plain French.</param>
/// <param name="Action">What to do, in plain French.</param>
internal sealed record NmvsCodeEntry(string Code, NmvsOutcome Outcome, string Sentence, string Action);
