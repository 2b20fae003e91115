namespace RecallHub.Core.Storage;

/// <summary>A named person read a recall.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="By">Who (a named person).</param>
/// <param name="At">When.</param>
/// <param name="Note">Anything they want kept, or <see langword="null"/>.</param>
public sealed record RecallAcknowledgement(long RecallId, string By, DateTimeOffset At, string? Note = null);
