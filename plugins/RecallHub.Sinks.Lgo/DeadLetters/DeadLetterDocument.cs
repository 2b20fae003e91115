namespace RecallHub.Sinks.Lgo.DeadLetters;

/// <summary>The file <c>dead-letter.json</c>, schema version 1.</summary>
/// <param name="SchemaVersion">The version of this format.</param>
/// <param name="UpdatedAt">When the file was written.</param>
/// <param name="Count">How many events are listed.</param>
/// <param name="DeadLetters">The events given up, oldest first.</param>
internal sealed record DeadLetterDocument(int SchemaVersion, DateTimeOffset UpdatedAt, int Count, IReadOnlyList<DeadLetter> DeadLetters);
