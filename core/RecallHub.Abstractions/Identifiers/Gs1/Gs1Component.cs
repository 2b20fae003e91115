namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>One part of an application identifier's data field, such as the <c>N6</c> date of AI 7003.</summary>
public sealed class Gs1Component
{
    internal Gs1Component(Gs1CharacterSet characterSet, int minLength, int maxLength, bool isOptional, Gs1Linter[] linters)
    {
        CharacterSet = characterSet;
        MinLength = minLength;
        MaxLength = maxLength;
        IsOptional = isOptional;
        Linters = linters;
    }

    /// <summary>The characters the component may hold.</summary>
    public Gs1CharacterSet CharacterSet { get; }

    /// <summary>The fewest characters the component may hold.</summary>
    public int MinLength { get; }

    /// <summary>The most characters the component may hold.</summary>
    public int MaxLength { get; }

    /// <summary><see langword="true"/> when <see cref="MinLength"/> equals <see cref="MaxLength"/>.</summary>
    public bool IsFixedLength => MinLength == MaxLength;

    /// <summary><see langword="true"/> when the component may be left out; every component after an optional one is optional too.</summary>
    public bool IsOptional { get; }

    /// <summary>The content rules the component must also satisfy.</summary>
    public IReadOnlyList<Gs1Linter> Linters { get; }

    /// <summary>The GS1 format notation, such as <c>N6</c> or <c>X..20</c>.</summary>
    public override string ToString()
    {
        char type = CharacterSet switch
        {
            Gs1CharacterSet.Numeric => 'N',
            Gs1CharacterSet.Cset82 => 'X',
            Gs1CharacterSet.Cset39 => 'Y',
            _ => 'Z',
        };
        string length = IsFixedLength
            ? MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : ".." + MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return IsOptional ? $"[{type}{length}]" : $"{type}{length}";
    }
}
