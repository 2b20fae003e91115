using System.Globalization;
using System.Text;

namespace RecallHub.Sinks.Lgo.FileDrop;

/// <summary>
/// The blocked codes as a CSV that French Excel opens by a double click: UTF-8 with a byte order mark, <c>;</c> as
/// separator (a French Excel reads <c>,</c> as the decimal comma), CRLF line ends, a header line, fields quoted when
/// they hold <c>;</c>, <c>"</c>, a line break or edge spaces.
/// </summary>
/// <remarks>
/// A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a
/// leading <c>'</c>: text from a recall notice or a scanned lot must never run as a formula in the pharmacist's
/// spreadsheet. Programs wanting exact values read the JSON file.
/// </remarks>
internal static class BlockedCodesCsv
{
    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["block_id", "gtin", "cip13", "lot", "serial", "expiry", "recall_id", "alert_number", "recall_title", "since", "message", "workstation"];

    private const char Separator = ';';

    /// <summary>The file's bytes, byte order mark included.</summary>
    public static byte[] Render(IReadOnlyList<BlockedCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var text = new StringBuilder();
        AppendLine(text, Columns);
        foreach (var code in codes)
        {
            AppendLine(text,
            [
                code.BlockId.ToString(CultureInfo.InvariantCulture),
                code.Gtin,
                code.Cip13,
                code.Lot,
                code.Serial,
                code.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                code.RecallId?.ToString(CultureInfo.InvariantCulture),
                code.AlertNumber,
                code.RecallTitle,
                code.Since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                code.Message,
                code.Workstation,
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One cell as written: guarded against formulas, then quoted when needed.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        bool quote = value.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0 || value[0] == ' ' || value[^1] == ' ';
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }
}
