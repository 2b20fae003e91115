using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.RappelConso.Mapping;

/// <summary>What <see cref="RecordMapper"/> made of one record.</summary>
/// <param name="Notice">The notice; always set, even for a record that could not be understood.</param>
/// <param name="Problems">What could not be read, in plain sentences; empty for a clean record.</param>
/// <param name="IsUnreadable">
/// <see langword="true"/> when the record itself could not be understood (no id, no publication date, not an object):
/// the notice then carries the raw record and says so in its title.
/// </param>
/// <param name="PublishedAt">The record's own <c>date_publication</c>, when readable: what checkpoints follow.</param>
/// <param name="Category">The record's category, as written.</param>
/// <param name="SubCategory">The record's sub-category, as written.</param>
internal sealed record RecordReading(
    RecallNotice Notice,
    IReadOnlyList<string> Problems,
    bool IsUnreadable,
    DateTimeOffset? PublishedAt,
    string? Category,
    string? SubCategory);
