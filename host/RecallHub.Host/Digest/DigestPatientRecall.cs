namespace RecallHub.Host.Digest;

/// <summary>A recall that goes down to patients and reaches packs or devices the pharmacy handed over: patients to contact, counted, never named.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="Title">Its title.</param>
/// <param name="AlertNumber">The authority's alert number, if any.</param>
/// <param name="HandedOverPacks">How many dispensed or implanted packs it concerns.</param>
internal sealed record DigestPatientRecall(long RecallId, string Title, string? AlertNumber, int HandedOverPacks);
