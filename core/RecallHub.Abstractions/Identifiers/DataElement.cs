namespace RecallHub.Abstractions.Identifiers;

/// <summary>One element read from a code: a GS1 application identifier or a data identifier and its value.</summary>
/// <param name="Id">The application identifier (<c>01</c>, <c>17</c>…) or data identifier (<c>9N</c>, <c>1T</c>, <c>$$3</c>…).</param>
/// <param name="Value">The element's data, exactly as encoded.</param>
public sealed record DataElement(string Id, string Value);
