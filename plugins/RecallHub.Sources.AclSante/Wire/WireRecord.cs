using RecallHub.Sources.AclSante.Fsn;

namespace RecallHub.Sources.AclSante.Wire;

/// <summary>What <see cref="WireMapping"/> made of one record of the feed.</summary>
/// <param name="Notice">The notice, or <see langword="null"/> when the record cannot be understood.</param>
/// <param name="Unreadable">Why the record cannot be understood, when <paramref name="Notice"/> is <see langword="null"/>.</param>
/// <param name="Reference">The record's reference, when it has one, even if unreadable.</param>
/// <param name="Date">The record's issue or update date, when readable, even if the record is not.</param>
/// <param name="Raw">The record exactly as received.</param>
internal sealed record WireRecord(FieldSafetyNotice? Notice, string? Unreadable, string? Reference, DateTimeOffset? Date, string Raw);
