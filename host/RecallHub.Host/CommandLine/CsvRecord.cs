using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// Splits one line of a CSV file into fields (RFC 4180): a field in double quotes may hold the delimiter, and <c>""</c>
/// stands for a quote. A record spans one line: scan exports have no line breaks inside fields.
/// </summary>
internal static class CsvRecord
{
    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/> (cleared first).</summary>
    /// <returns><see langword="false"/> with what is wrong when a quoted field is not closed or is followed by text.</returns>
    public static bool TrySplit(string line, char delimiter, List<string> fields, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        int i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                int opening = i;
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    int quote = line.IndexOf('"', i);
                    if (quote < 0)
                    {
                        problem = $"the quoted field {fields.Count + 1} (character {opening + 1}) is not closed";
                        return false;
                    }

                    value.Append(line, i, quote - i);
                    i = quote + 1;
                    if (i < line.Length && line[i] == '"')
                    {
                        value.Append('"');
                        i++;
                        continue;
                    }

                    break;
                }

                fields.Add(value.ToString());
                if (i == line.Length)
                {
                    break;
                }

                if (line[i] != delimiter)
                {
                    problem = $"text after the closing quote of field {fields.Count} (character {i + 1}); a quote inside a quoted field is written \"\"";
                    return false;
                }

                i++;
            }
            else
            {
                int end = line.IndexOf(delimiter, i);
                if (end < 0)
                {
                    fields.Add(line[i..]);
                    break;
                }

                fields.Add(line[i..end]);
                i = end + 1;
            }
        }

        problem = null;
        return true;
    }
}
