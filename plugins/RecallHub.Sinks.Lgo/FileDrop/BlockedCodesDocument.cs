namespace RecallHub.Sinks.Lgo.FileDrop;

/// <summary>The JSON file of blocked codes (<c>blocked-packs.json</c>), schema version 1.</summary>
/// <param name="SchemaVersion">The version of this format; a change that removes or renames a member raises it.</param>
/// <param name="GeneratedAt">When the file was written.</param>
/// <param name="Count">How many packs are blocked.</param>
/// <param name="BlockedPacks">The packs, oldest block first.</param>
internal sealed record BlockedCodesDocument(int SchemaVersion, DateTimeOffset GeneratedAt, int Count, IReadOnlyList<BlockedCode> BlockedPacks);
