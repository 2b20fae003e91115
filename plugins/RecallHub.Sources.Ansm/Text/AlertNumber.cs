using System.Globalization;
using System.Text.RegularExpressions;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>
/// An ANSM alert number: <c>MEDyy/Annn/Bnnn</c> for medicines (A: community pharmacies' sequence, B: hospital
/// pharmacies' — an inference, not an ANSM statement), or a device recall number <c>R2619855</c>.
/// </summary>
/// <param name="Year">The medicine alert's year (four digits), or <see langword="null"/> for a device recall.</param>
/// <param name="Officine">The A number, when the alert went to community pharmacies.</param>
/// <param name="Hospital">The B number, when the alert went to hospital pharmacies.</param>
/// <param name="DeviceRecall">The device recall number, such as <c>R2619855</c>.</param>
internal sealed partial record AlertNumber(int? Year, int? Officine, int? Hospital, string? DeviceRecall)
{
    /// <summary>
    /// The normalised form: <c>MED26/A019/B018</c> (numbers on three digits, no spaces), <c>MED25/B021</c>, or the
    /// device recall number.
    /// </summary>
    public string Normalized => DeviceRecall ?? string.Create(
        CultureInfo.InvariantCulture,
        $"MED{Year % 100:00}{(Officine is { } a ? $"/A{a:000}" : "")}{(Hospital is { } b ? $"/B{b:000}" : "")}");

    /// <summary>The first medicine alert number in <paramref name="text"/>, else the first device recall number.</summary>
    public static AlertNumber? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in Medicine().Matches(text))
        {
            var g = match.Groups;
            if (g["a"].Success || g["b"].Success)
            {
                return new AlertNumber(2000 + Int(g["y"]), g["a"].Success ? Int(g["a"]) : null, g["b"].Success ? Int(g["b"]) : null, null);
            }
        }

        var device = Device().Match(text);
        return device.Success ? new AlertNumber(null, null, null, "R" + device.Groups["n"].Value) : null;
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\bMED\s*(?<y>\d{2})\s*(?:/\s*A\s*(?<a>\d{1,3}))?\s*(?:/\s*B\s*(?<b>\d{1,3}))?(?!\d)")]
    private static partial Regex Medicine();

    [GeneratedRegex(@"\bR\s?(?<n>\d{7})\b")]
    private static partial Regex Device();
}
