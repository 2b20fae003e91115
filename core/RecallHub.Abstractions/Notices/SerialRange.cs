namespace RecallHub.Abstractions.Notices;

/// <summary>
/// Serial numbers recalled: one serial (<see cref="First"/> equals <see cref="Last"/>) or a range. A range compares
/// serials of the same length as numbers when both ends are digits, otherwise character by character.
/// </summary>
/// <param name="First">The first serial of the range.</param>
/// <param name="Last">The last serial of the range (inclusive).</param>
public sealed record SerialRange(string First, string Last);
