using static RecallHub.Abstractions.Identifiers.Gs1.Gs1Linter;

namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// The application identifier table as data, transcribed from the GS1 General Specifications (and checked against
/// the GS1 Barcode Syntax Resource). Requirements use <c>|</c> for "one of", <c>+</c> for "all of" and a space
/// between separate rules; <c>n</c> in a code matches any digit.
/// </summary>
internal static partial class ApplicationIdentifierCatalog
{
    public static ApplicationIdentifier[] Create()
    {
        var list = new List<ApplicationIdentifier>(600);
        AddAll(list);
        list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return [.. list];
    }

    private static void AddAll(List<ApplicationIdentifier> t)
    {
        Ai(t, "00", "SSCC", [N(18, CheckDigit, GcpKey)], key: true);
        Ai(t, "01", "GTIN", [N(14, CheckDigit, GcpKey)], excludes: "02 255 37", key: true);
        Ai(t, "02", "CONTENT", [N(14, CheckDigit, GcpKey)], requires: "37");
        Ai(t, "10", "BATCH/LOT", [X(..20)], requires: "01|02|8006|8026");
        Ai(t, "11", "PROD DATE", [N(6, DateOrDayZero)], requires: "01|02|8006|8026");
        Ai(t, "17", "USE BY OR EXPIRY", [N(6, DateOrDayZero)], requires: "01|02|255|8006|8026");
        Ai(t, "21", "SERIAL", [X(..20)], requires: "01|8006", excludes: "235");
        Ai(t, "240", "ADDITIONAL ID", [X(..30)], requires: "01|02|8006|8026");
        Ai(t, "7003", "EXPIRY TIME", [N(6, Date), N(4, HourMinute)], requires: "01|02");
    }

    private static void Ai(
        List<ApplicationIdentifier> table,
        string code,
        string title,
        Gs1Component[] components,
        string? requires = null,
        string? excludes = null,
        bool key = false)
    {
        table.Add(new ApplicationIdentifier(
            code,
            title,
            components,
            ApplicationIdentifiers.IsPredefinedLengthPrefix(code),
            Split(requires),
            Split(excludes),
            key));
    }

    /// <summary>Adds every identifier from <paramref name="first"/> to <paramref name="last"/> with one definition.</summary>
    private static void Range(
        List<ApplicationIdentifier> table,
        string first,
        string last,
        string title,
        Gs1Component[] components,
        string? requires = null,
        string? excludes = null)
    {
        int from = ApplicationIdentifiers.ToNumericKey(first);
        int to = ApplicationIdentifiers.ToNumericKey(last);
        for (int value = from; value <= to; value++)
        {
            string code = value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(first.Length, '0');
            Ai(table, code, title, components, requires, excludes);
        }
    }

    private static string[] Split(string? rules) =>
        rules is null ? [] : rules.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Numeric component: <c>N(6)</c> is N6, <c>N(..15)</c> is N..15.</summary>
    private static Gs1Component N(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Numeric, length, linters);

    /// <summary>CSET 82 component.</summary>
    private static Gs1Component X(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Cset82, length, linters);

    /// <summary>CSET 39 component.</summary>
    private static Gs1Component Y(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Cset39, length, linters);

    /// <summary>CSET 64 component.</summary>
    private static Gs1Component Z(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Cset64, length, linters);

    /// <summary>Marks the last component of a field as optional.</summary>
    private static Gs1Component Optional(Gs1Component c) =>
        new(c.CharacterSet, c.MinLength, c.MaxLength, isOptional: true, [.. c.Linters]);

    private static Gs1Component Component(Gs1CharacterSet set, Length length, Gs1Linter[] linters) =>
        new(set, length.Min, length.Max, isOptional: false, linters);

    /// <summary>A component length written as an int (fixed) or a range <c>..max</c> (1 to max).</summary>
    private readonly record struct Length(int Min, int Max)
    {
        public static implicit operator Length(int fixedLength) => new(fixedLength, fixedLength);

        public static implicit operator Length(System.Range range) => new(
            range.Start.IsFromEnd || range.Start.Value == 0 ? 1 : range.Start.Value,
            range.End.Value);
    }
}
