using System.Globalization;
using System.Text;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// C-style escapes for codes typed on a command line, where GS (<c>\x1d</c>), RS (<c>\x1e</c>) and EOT
/// (<c>\x04</c>) cannot be typed; and the reverse, to show control characters in human output.
/// </summary>
internal static class ControlCharacterEscapes
{
    /// <summary>Turns <c>\xHH</c> into that character and <c>\\</c> into a backslash.</summary>
    /// <exception cref="FormatException">A backslash that starts no known escape, with its position.</exception>
    public static string Unescape(string text)
    {
        int backslash = text.IndexOf('\\', StringComparison.Ordinal);
        if (backslash < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        result.Append(text, 0, backslash);
        for (int i = backslash; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '\\')
            {
                result.Append('\\');
                i++;
            }
            else if (i + 3 < text.Length && text[i + 1] is 'x' or 'X'
                && int.TryParse(text.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                result.Append((char)code);
                i += 3;
            }
            else
            {
                throw new FormatException($"Unknown escape at position {i} of '{text}': use \\xHH (e.g. \\x1d for GS) or \\\\ for a backslash.");
            }
        }

        return result.ToString();
    }

    /// <summary>Shows control characters by name (<c>&lt;GS&gt;</c>, <c>&lt;RS&gt;</c>, <c>&lt;EOT&gt;</c>) for people to read.</summary>
    public static string Show(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            result.Append(c switch
            {
                '\u001d' => "<GS>",
                '\u001e' => "<RS>",
                '\u0004' => "<EOT>",
                < ' ' => $"<x{(int)c:x2}>",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    /// <summary>Where character <paramref name="position"/> of <paramref name="text"/> appears in <see cref="Show"/>'s output.</summary>
    public static int ShownPosition(string text, int position) => Show(text[..Math.Min(position, text.Length)]).Length;
}
