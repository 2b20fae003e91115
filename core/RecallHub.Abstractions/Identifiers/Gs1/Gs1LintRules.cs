namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>The content rules (<see cref="Gs1Linter"/>) applied to one data component.</summary>
internal static class Gs1LintRules
{
    /// <summary>Checks <paramref name="component"/> against <paramref name="linter"/>.</summary>
    /// <param name="linter">The rule.</param>
    /// <param name="component">The component's characters (character set already checked).</param>
    /// <param name="currentYear">Today's year, for the GS1 century rule.</param>
    /// <param name="error">What is wrong, when the rule fails.</param>
    /// <param name="offset">Where in the component the problem is, when the rule fails.</param>
    /// <param name="expected">The expected check digit for <see cref="Gs1ErrorCode.InvalidCheckDigit"/>; else -1.</param>
    /// <returns><see langword="true"/> when the component satisfies the rule.</returns>
    public static bool Check(Gs1Linter linter, ReadOnlySpan<char> component, int currentYear, out Gs1ErrorCode error, out int offset, out int expected)
    {
        error = default;
        offset = 0;
        expected = -1;
        switch (linter)
        {
            case Gs1Linter.CheckDigit:
                int check = Gs1CheckDigit.Compute(component[..^1]);
                if (component[^1] - '0' != check)
                {
                    (error, offset, expected) = (Gs1ErrorCode.InvalidCheckDigit, component.Length - 1, check);
                    return false;
                }

                return true;
            case Gs1Linter.Date:
            case Gs1Linter.DateOrDayZero:
                return Gs1Date.TryRead(component, currentYear, linter == Gs1Linter.DateOrDayZero, out _)
                    || Fail(Gs1ErrorCode.InvalidDate, out error);
            case Gs1Linter.LongDate:
            case Gs1Linter.LongDateOrDayZero:
                return Gs1Date.TryReadLong(component, linter == Gs1Linter.LongDateOrDayZero, out _)
                    || Fail(Gs1ErrorCode.InvalidDate, out error);
            default:
                return true;
        }
    }

    private static bool Fail(Gs1ErrorCode code, out Gs1ErrorCode error)
    {
        error = code;
        return false;
    }
}
