namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// A GS1 Application Identifier: the prefix that says what the data after it means and how it is formatted
/// (GS1 General Specifications §3). The complete table is <see cref="ApplicationIdentifiers.All"/>.
/// </summary>
public sealed class ApplicationIdentifier
{
    internal ApplicationIdentifier(
        string code,
        string title,
        Gs1Component[] components,
        bool isPredefinedLength,
        string[] requirements,
        string[] exclusions,
        bool isDigitalLinkPrimaryKey)
    {
        Code = code;
        Title = title;
        Components = components;
        IsPredefinedLength = isPredefinedLength;
        Requirements = requirements;
        Exclusions = exclusions;
        IsDigitalLinkPrimaryKey = isDigitalLinkPrimaryKey;
        foreach (var component in components)
        {
            MaxLength += component.MaxLength;
            MinLength += component.IsOptional ? 0 : component.MinLength;
        }

        RequirementRules = Array.ConvertAll(requirements, group => Array.ConvertAll(group.Split('|'), alternative => Array.ConvertAll(alternative.Split('+'), AiPattern.Parse)));
        ExclusionPatterns = Array.ConvertAll(exclusions, AiPattern.Parse);
        NumericKey = ApplicationIdentifiers.ToNumericKey(code);
    }

    /// <summary>The identifier's digits, such as <c>01</c> or <c>7003</c>.</summary>
    public string Code { get; }

    /// <summary>The GS1 data title, such as <c>GTIN</c> or <c>BATCH/LOT</c>.</summary>
    public string Title { get; }

    /// <summary>The parts of the data field, in order.</summary>
    public IReadOnlyList<Gs1Component> Components { get; }

    /// <summary>The fewest characters the data field may hold.</summary>
    public int MinLength { get; }

    /// <summary>The most characters the data field may hold.</summary>
    public int MaxLength { get; }

    /// <summary><see langword="true"/> when the data field always has <see cref="MaxLength"/> characters.</summary>
    public bool IsFixedLength => MinLength == MaxLength;

    /// <summary>
    /// <see langword="true"/> when the identifier's two first digits are in the GS1 predefined-length table
    /// (00–04, 11–20, 31–36, 41): such a field never needs an FNC1 separator after it.
    /// </summary>
    public bool IsPredefinedLength { get; }

    /// <summary><see langword="true"/> when an FNC1 separator must follow the field unless it ends the data.</summary>
    public bool RequiresSeparator => !IsPredefinedLength;

    /// <summary>
    /// The identifiers this one must appear with. Each entry is one rule; within a rule <c>|</c> separates
    /// alternatives and <c>+</c> joins identifiers that must all be present; <c>n</c> matches any digit.
    /// </summary>
    public IReadOnlyList<string> Requirements { get; }

    /// <summary>The identifiers (or patterns, <c>n</c> matching any digit) this one must never appear with.</summary>
    public IReadOnlyList<string> Exclusions { get; }

    /// <summary><see langword="true"/> when the identifier is a GS1 Digital Link primary key.</summary>
    public bool IsDigitalLinkPrimaryKey { get; }

    /// <summary><see langword="true"/> when some component of the field ends with a GS1 mod-10 check digit.</summary>
    public bool HasCheckDigit => Components.Any(c => c.Linters.Contains(Gs1Linter.CheckDigit));

    /// <summary><see langword="true"/> when some component of the field is a date.</summary>
    public bool HasDate => Components.Any(c => c.Linters.Any(l => l is Gs1Linter.Date or Gs1Linter.DateOrDayZero
        or Gs1Linter.LongDate or Gs1Linter.LongDateOrDayZero or Gs1Linter.DateHour));

    internal AiPattern[][][] RequirementRules { get; }

    internal AiPattern[] ExclusionPatterns { get; }

    internal int NumericKey { get; }

    /// <summary>The identifier in the bracketed human-readable form, such as <c>(01)</c>.</summary>
    public override string ToString() => $"({Code}) {Title}";
}
