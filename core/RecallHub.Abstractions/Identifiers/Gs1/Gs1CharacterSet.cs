namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>The characters a GS1 data component may hold (GS1 General Specifications §7.11).</summary>
public enum Gs1CharacterSet
{
    /// <summary>Digits <c>0</c>–<c>9</c> (format <c>N</c>).</summary>
    Numeric = 0,

    /// <summary>GS1 AI encodable character set 82 (format <c>X</c>): digits, letters and <c>!"%&amp;'()*+,-./:;&lt;=&gt;?_</c>.</summary>
    Cset82 = 1,

    /// <summary>GS1 AI encodable character set 39 (format <c>Y</c>): digits, upper-case letters and <c>#-/</c>.</summary>
    Cset39 = 2,

    /// <summary>GS1 AI encodable character set 64 (format <c>Z</c>): the URL-safe base64 alphabet and <c>=</c>.</summary>
    Cset64 = 3,
}
