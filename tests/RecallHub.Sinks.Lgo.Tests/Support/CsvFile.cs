using System.Text;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>A strict reader of the file drop's CSV (RFC 4180 with <c>;</c>), written for the tests from the format's rules.</summary>
internal static class CsvFile
{
    /// <summary>Reads the file's rows; throws when the bytes are not the format (no BOM, an open quote…).</summary>
    public static List<string[]> Read(byte[] bytes)
    {
        byte[] bom = Encoding.UTF8.GetPreamble();
        if (!bytes.AsSpan().StartsWith(bom))
        {
            throw new FormatException("No UTF-8 byte order mark.");
        }

        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom.Length, bytes.Length - bom.Length);
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && cell.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("An unclosed quote.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(text[i++]);
                }

                if (i < text.Length && text[i] != ';' && text[i] != '\r')
                {
                    throw new FormatException($"Text after a closing quote at {i}.");
                }
            }
            else if (text[i] == ';')
            {
                row.Add(cell.ToString());
                cell.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    throw new FormatException("A CR without LF.");
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i += 2;
            }
            else if (text[i] == '\n' || text[i] == '"')
            {
                throw new FormatException($"A bare '{text[i]}' at {i}.");
            }
            else
            {
                cell.Append(text[i++]);
            }
        }

        if (row.Count > 0 || cell.Length > 0)
        {
            throw new FormatException("The last line has no CRLF.");
        }

        return rows;
    }
}
