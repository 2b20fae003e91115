using System.Text.Json;
using System.Text.RegularExpressions;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Sources.RappelConso.Records;

namespace RecallHub.Sources.RappelConso.Identification;

/// <summary>
/// Reads <c>identification_produits</c>: entries <c>GTIN$lot$date type$date$end date</c> joined by <c>|</c>, as one
/// string or as an array of entries; older free text (<c>5608771030810 107 Date de consommation recommandée
/// 01/02/2024 …</c>) is read by heuristics and marked as such.
/// </summary>
/// <remarks>
/// Never throws on any input. A GTIN is given only when its check digit is valid; a code that is not a valid GTIN is
/// kept as written in <see cref="ProductIdentification.Code"/> and reported in <see cref="IdentificationReading.Problems"/>.
/// </remarks>
internal static partial class IdentificationProduitsParser
{
    private const int FieldCount = 5;

    /// <summary>Reads the field as the API returns it: a string, an array of strings, a number, or nothing.</summary>
    public static IdentificationReading Parse(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => IdentificationReading.Empty,
        JsonValueKind.String => Parse(value.GetString()),
        JsonValueKind.Number => Parse(value.GetRawText()),
        JsonValueKind.Array => Parse([.. value.EnumerateArray().Select(item => item.ValueKind switch
        {
            JsonValueKind.String => item.GetString()!,
            JsonValueKind.Number => item.GetRawText(),
            _ => "",
        })]),
        _ => new IdentificationReading([], [$"identification_produits is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not text or a list."], [], [], false),
    };

    /// <summary>Reads the string form.</summary>
    public static IdentificationReading Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? IdentificationReading.Empty : Parse([text]);

    /// <summary>
    /// Reads the array form: items holding <c>$</c> are entries (possibly several joined by <c>|</c>); items without
    /// any <c>$</c> are read as free text together.
    /// </summary>
    public static IdentificationReading Parse(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var reading = new Accumulator();
        var freeText = new List<string>();
        foreach (string item in items)
        {
            if (item.Contains('$', StringComparison.Ordinal))
            {
                foreach (string entry in item.Split('|'))
                {
                    ReadEntry(entry, reading);
                }
            }
            else if (!string.IsNullOrWhiteSpace(item))
            {
                freeText.Add(item);
            }
        }

        if (freeText.Count > 0)
        {
            ReadFreeText(string.Join(' ', freeText), reading);
        }

        return reading.ToReading();
    }

    private static void ReadEntry(string entry, Accumulator reading)
    {
        string[] fields = entry.Split('$');
        if (fields.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        int number = reading.Entries.Count + 1;
        string code = WithoutWhiteSpace(fields[0]);
        string? lotText = Field(fields, 1);
        bool allLots = lotText is not null && IsAllLots(lotText);
        string? dateType = Field(fields, 2);
        var from = ReadDate(Field(fields, 3), number, reading);
        var to = ReadDate(Field(fields, 4), number, reading);
        if (fields.Length > FieldCount)
        {
            reading.Problems.Add($"Entry {number} has {fields.Length} '$'-separated fields instead of {FieldCount}; the extra ones are ignored: '{entry.Trim()}'.");
        }

        if (from is { } f && to is { } t && f > t)
        {
            reading.Problems.Add($"Entry {number} gives its dates in reverse order ({f:yyyy-MM-dd} after {t:yyyy-MM-dd}); read as {t:yyyy-MM-dd} to {f:yyyy-MM-dd}.");
            (from, to) = (to, from);
        }

        reading.Entries.Add(new ProductIdentification(code, ReadGtin(code, number, reading), allLots ? null : lotText, allLots, dateType, from, to));
    }

    private static void ReadFreeText(string text, Accumulator reading)
    {
        reading.IsFreeText = true;
        var segment = new FreeTextSegment();
        foreach (string raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string token = raw.Trim(',', ';', ':', '.', '(', ')');
            if (token.Length == 0)
            {
                continue;
            }

            if (token.Length is >= 12 and <= 14 && token.All(char.IsAsciiDigit))
            {
                segment.CloseInto(reading);
                segment = new FreeTextSegment { Code = token, Gtin = ReadGtin(token, reading.Entries.Count + 1, reading) };
            }
            else if (RappelConsoDates.ParseDay(token) is { } date)
            {
                if (segment.Code is null)
                {
                    reading.UnqualifiedDates.Add(date);
                }
                else if (segment.From is null)
                {
                    segment.From = date;
                }
                else
                {
                    segment.To ??= date;
                }
            }
            else if (segment.Code is null)
            {
                reading.UnrecognisedTokens.Add(token);
            }
            else if (segment.Lot is null && segment.Words.Count == 0 && token.Any(char.IsAsciiDigit))
            {
                segment.Lot = token;
            }
            else
            {
                segment.Words.Add(token);
            }
        }

        segment.CloseInto(reading);
    }

    private static string? ReadGtin(string code, int number, Accumulator reading)
    {
        if (code.Length == 0)
        {
            reading.Problems.Add($"Entry {number} has no product code.");
            return null;
        }

        if (Gtin.Normalize(code) is { } gtin)
        {
            return gtin;
        }

        reading.Problems.Add(code.All(char.IsAsciiDigit) && code.Length is 8 or 12 or 13 or 14
            ? $"Entry {number}: '{code}' is not a valid GTIN: its check digit is wrong."
            : $"Entry {number}: '{code}' is not a GTIN (8, 12, 13 or 14 digits).");
        return null;
    }

    private static DateOnly? ReadDate(string? text, int number, Accumulator reading)
    {
        if (text is null)
        {
            return null;
        }

        var date = RappelConsoDates.ParseDay(text);
        if (date is null)
        {
            reading.Problems.Add($"Entry {number}: '{text}' is not a date.");
        }

        return date;
    }

    private static string? Field(string[] fields, int index) =>
        index < fields.Length && !string.IsNullOrWhiteSpace(fields[index]) ? fields[index].Trim() : null;

    private static string WithoutWhiteSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsAllLots(string lot) => AllLotsPattern().IsMatch(FrenchText.Fold(lot));

    [GeneratedRegex(@"^tou[st] (les )?lots?\b")]
    private static partial Regex AllLotsPattern();

    private sealed class Accumulator
    {
        public List<ProductIdentification> Entries { get; } = [];

        public List<string> Problems { get; } = [];

        public List<string> UnrecognisedTokens { get; } = [];

        public List<DateOnly> UnqualifiedDates { get; } = [];

        public bool IsFreeText { get; set; }

        public IdentificationReading ToReading() => new(Entries, Problems, UnrecognisedTokens, UnqualifiedDates, IsFreeText);
    }

    /// <summary>The words after one GTIN in free text, up to the next GTIN.</summary>
    private sealed class FreeTextSegment
    {
        public string? Code { get; init; }

        public string? Gtin { get; init; }

        public string? Lot { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public List<string> Words { get; } = [];

        public void CloseInto(Accumulator reading)
        {
            if (Code is null)
            {
                return;
            }

            string words = FrenchText.Fold(string.Join(' ', Words));
            bool allLots = AllLotsPattern().IsMatch(words) || (Lot is not null && IsAllLots(Lot + " " + words));
            int dateWord = Words.FindIndex(w => FrenchText.Fold(w) == "date");
            string? dateType = dateWord >= 0 ? string.Join(' ', Words.Skip(dateWord)).ToLowerInvariant() : null;
            reading.Entries.Add(new ProductIdentification(Code, Gtin, allLots ? null : Lot, allLots, dateType, From, To));
        }
    }
}
