namespace RecallHub.Abstractions.Patients;

/// <summary>
/// The INS (identifiant national de santé) in its NIR form: 13 characters — sex, year, month, department (<c>2A</c>
/// and <c>2B</c> for Corsica), commune, order number — then a 2-digit key equal to 97 − (the 13-digit number mod 97),
/// where Corsica's <c>2A</c> counts as <c>19</c> and <c>2B</c> as <c>18</c>.
/// </summary>
public static class InsNumber
{
    /// <summary>Checks an INS and writes it in its compared form: 15 characters, upper case, no spaces.</summary>
    /// <param name="text">The INS as typed or read from the card (spaces allowed).</param>
    /// <param name="normalized">The INS in its compared form, when it is valid.</param>
    /// <param name="problem">What is wrong, in English, when it is not; it never repeats the number.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid INS.</returns>
    public static bool TryNormalize(string? text, out string normalized, out string? problem)
    {
        normalized = "";
        problem = Check(text, out string compact);
        if (problem is null)
        {
            normalized = compact;
        }

        return problem is null;
    }

    /// <summary>The INS in its compared form.</summary>
    /// <param name="text">The INS as typed (spaces allowed).</param>
    /// <exception cref="FormatException">It is not a valid INS; the message says why.</exception>
    public static string Normalize(string text) =>
        TryNormalize(text, out string normalized, out string? problem) ? normalized : throw new FormatException(problem);

    // Messages describe the fault, never the number: they may end up in logs.
    private static string? Check(string? text, out string compact)
    {
        compact = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length == 0)
        {
            return "The INS is empty.";
        }

        if (compact.Length != 15)
        {
            return $"An INS has 15 characters (13 and a 2-digit key); this one has {compact.Length}.";
        }

        if (compact[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return "An INS starts with 1, 2 (sex), 3, 4 (foreign-born, provisional) or 7, 8 (temporary number).";
        }

        bool corsica = compact[5] == '2' && compact[6] is 'A' or 'B';
        for (int i = 0; i < 15; i++)
        {
            if (!char.IsAsciiDigit(compact[i]) && !(corsica && i == 6))
            {
                return $"Character {i + 1} of the INS must be a digit{(i is 5 or 6 ? " (the department may be 2A or 2B)" : "")}.";
            }
        }

        // 2A and 2B count as 19 and 18 in the key: the 13 characters are then a number below 10^13, which fits a long.
        string digits = corsica ? string.Concat(compact.AsSpan(0, 5), compact[6] == 'A' ? "19" : "18", compact.AsSpan(7, 6)) : compact[..13];
        long number = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        int key = int.Parse(compact.AsSpan(13, 2), System.Globalization.CultureInfo.InvariantCulture);
        int expected = 97 - (int)(number % 97);
        return key == expected ? null : "The INS key (its last 2 digits) does not match its first 13 characters: check the number.";
    }
}
