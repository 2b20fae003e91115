namespace RecallHub.Core.Storage;

/// <summary>A named person closed a recall's follow-up: everything the recall asked is done.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="By">Who (a named person).</param>
/// <param name="At">When.</param>
/// <param name="Note">Anything they want kept, or <see langword="null"/>.</param>
public sealed record RecallClosure(long RecallId, string By, DateTimeOffset At, string? Note = null);
