namespace RecallHub.Sources.AclSante.Fsn;

/// <summary>
/// A serial or lot range as the wire gives it: either both ends (<c>{"first", "last"}</c>) or one text to be read by
/// <see cref="Units.SerialRangeParser"/> (<c>"SN1000-SN1099"</c>, or a single serial).
/// </summary>
/// <param name="Text">The text form, when the wire gave one string.</param>
/// <param name="First">The first unit, when the wire gave the ends.</param>
/// <param name="Last">The last unit, when the wire gave the ends (missing: the same as <paramref name="First"/>).</param>
internal sealed record WireRange(string? Text, string? First = null, string? Last = null);
