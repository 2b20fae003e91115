using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.AclSante.Mapping;

/// <summary>What <see cref="NoticeMapper"/> made of one record.</summary>
/// <param name="Notice">The notice; always set, even for a record that could not be understood.</param>
/// <param name="Problems">What could not be read, in plain sentences; the notice is low-confidence when any.</param>
/// <param name="IsUnreadable"><see langword="true"/> when the record itself could not be understood: the notice then only carries it raw.</param>
/// <param name="UpdatedAt">The record's update date (else its issue date), when readable: what the checkpoint follows.</param>
internal sealed record NoticeReading(RecallNotice Notice, IReadOnlyList<string> Problems, bool IsUnreadable, DateTimeOffset? UpdatedAt);
