namespace RecallHub.Core.Storage;

/// <summary>Checks the free text people type (names, reasons, notes): trimmed, bounded, and present when it must be.</summary>
internal static class FreeText
{
    /// <summary>The longest text kept.</summary>
    public const int MaxLength = 2000;

    /// <summary>The trimmed text.</summary>
    /// <exception cref="ArgumentException">It is blank (the message says what was expected) or too long.</exception>
    public static string Required(string? value, string name, string what)
    {
        string trimmed = value?.Trim() ?? "";
        return trimmed.Length == 0
            ? throw new ArgumentException($"'{name}' is required: {what}.", name)
            : Optional(trimmed, name)!;
    }

    /// <summary>The trimmed text, or <see langword="null"/> when blank.</summary>
    /// <exception cref="ArgumentException">It is too long.</exception>
    public static string? Optional(string? value, string name)
    {
        string? trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return trimmed is { Length: > MaxLength }
            ? throw new ArgumentException($"'{name}' is {trimmed.Length} characters long; at most {MaxLength} are kept.", name)
            : trimmed;
    }
}
