using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Tests.Support;

/// <summary>Test data that is valid unless a test says otherwise.</summary>
internal static class Some
{
    /// <summary>The day the tests live in, so that the GS1 century rule gives the same answers every year.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Real CIP13s printed on French medicine boxes (ANSM recall notices, see shared/samples).</summary>
    public static readonly string[] RealCip13s =
    [
        "3400937944892", "3400930270387", "3400930246948", "3400926990336", "3400930024065",
        "3400932225637", "3400933657598", "3400955062400", "3400958397998",
    ];

    public static FakeTimeProvider Clock() => new(Today);

    public static Gs1ParserOptions Gs1Options(string? substitute = null) => new()
    {
        TimeProvider = Clock(),
        GroupSeparatorSubstitute = substitute,
    };

    /// <summary>A GTIN-14 with a valid check digit built from <paramref name="body"/> (13 digits).</summary>
    public static string GtinFrom(string body) => body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);

    /// <summary>A medicine pack's DataMatrix payload as a scanner sends it: ]d2 + 01 + 17 + 10 GS + 21.</summary>
    public static string PackDataMatrix(
        string cip13 = "3400930270387",
        string expiry = "280229",
        string lot = "A53014",
        string serial = "7GH29KXW41Q") =>
        $"]d201{"0" + cip13}17{expiry}10{lot}\u001d21{serial}";

    /// <summary>A message in the bracketed human-readable form from AI/value pairs.</summary>
    public static string Bracketed(params (string Ai, string Value)[] elements)
    {
        var text = new StringBuilder();
        foreach (var (ai, value) in elements)
        {
            text.Append('(').Append(ai).Append(')').Append(value);
        }

        return text.ToString();
    }
}
