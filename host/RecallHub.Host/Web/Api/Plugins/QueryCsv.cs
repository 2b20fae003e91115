using System.Text;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Host.Web.Api.Plugins;

/// <summary>A query's table as CSV (RFC 4180): comma-separated, CRLF line ends, a header row, UTF-8 with a BOM.</summary>
internal static class QueryCsv
{
    /// <summary>Writes the table; a field with a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    public static byte[] Write(PluginQueryResult result)
    {
        var text = new StringBuilder();
        AppendRow(text, result.Columns);
        foreach (var row in result.Rows)
        {
            AppendRow(text, row);
        }

        // The BOM lets spreadsheet software read accented names as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            string field = fields[i] ?? "";
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
