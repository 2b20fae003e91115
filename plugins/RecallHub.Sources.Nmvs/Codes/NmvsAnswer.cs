using System.Globalization;
using RecallHub.Sources.Nmvs.Client;

namespace RecallHub.Sources.Nmvs.Codes;

/// <summary>An answer of the national system read for the counter: what it means, in French, with the original code.</summary>
/// <param name="Outcome">What it means for the pack.</param>
/// <param name="Code">The return code as received.</param>
/// <param name="Message">What happened, in plain French, ending with the code (and the alert id) for the record.</param>
/// <param name="Action">What to do, in plain French.</param>
internal sealed record NmvsAnswer(NmvsOutcome Outcome, string Code, string Message, string Action)
{
    /// <summary>The pharmacy's time zone: dates are read and said as the counter lives them, summer time included.</summary>
    public static readonly TimeZoneInfo France = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Codes that speak of the pack's state: the state, when given, says more precisely what happened (stolen, destroyed).
    private static readonly HashSet<string> StateCodes = new(StringComparer.Ordinal) { "NMVS_NC_PCK_01", "NMVS_NC_PCK_03", "NMVS_NC_PCK_11", "NMVS_NC_PCK_22" };

    /// <summary>Reads one pack's result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="today">Today in France (<see cref="Today"/>), to tell an expired pack.</param>
    /// <param name="dispensed">Whether the answer is to a dispense: then <c>Supplied</c> is the state asked for, not an alert.</param>
    public static NmvsAnswer Read(NmvsPackResult result, DateOnly today, bool dispensed = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entry = dispensed && NmvsReturnCodes.Success.Contains(result.ReturnCode) && string.Equals(result.PackState, "Supplied", StringComparison.OrdinalIgnoreCase)
            ? NmvsReturnCodes.Codes[result.ReturnCode]
            : Entry(result, today);
        string message = Fill(entry.Sentence, result);
        string record = result.AlertId is { } alert
            ? $" (code NMVS {result.ReturnCode}, alerte n° {alert})"
            : $" (code NMVS {result.ReturnCode})";
        return new NmvsAnswer(entry.Outcome, result.ReturnCode, message.TrimEnd('.') + record + ".", Fill(entry.Action, result));
    }

    /// <summary>Today's date in France.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, France).DateTime);

    private static NmvsCodeEntry Entry(NmvsPackResult result, DateOnly today)
    {
        var state = result.PackState is { } name
            ? NmvsReturnCodes.PackStates.GetValueOrDefault(name) ?? new NmvsCodeEntry(name, NmvsOutcome.Unknown, "Le système national donne à cette boîte un état que RecallHub ne connaît pas ({state}).", "Ne pas la délivrer : la mettre de côté et demander au pharmacien responsable de vérifier cet état.")
            : null;
        if (!NmvsReturnCodes.Success.Contains(result.ReturnCode))
        {
            var coded = NmvsReturnCodes.Describe(result.ReturnCode);
            return StateCodes.Contains(result.ReturnCode) && state is { Outcome: not NmvsOutcome.Ok } ? state : coded;
        }

        // A success code still carries the batch's, product's and pack's states: each can stop the pack.
        if (string.Equals(result.ProductState, "Withdrawn", StringComparison.OrdinalIgnoreCase))
        {
            return NmvsReturnCodes.Codes["NMVS_FE_LOT_08"];
        }

        if (string.Equals(result.BatchState, "Recalled", StringComparison.OrdinalIgnoreCase))
        {
            return NmvsReturnCodes.Codes["NMVS_FE_LOT_01"];
        }

        if (state is { Outcome: not NmvsOutcome.Ok })
        {
            return state;
        }

        return result.Pack.Expiry is { } expiry && expiry < today
            ? NmvsReturnCodes.PackStates["Expired"]
            : NmvsReturnCodes.Codes[result.ReturnCode];
    }

    private static string Fill(string template, NmvsPackResult result)
    {
        var pack = result.Pack;
        string text = template;
        text = result.SameLocation switch
        {
            true => text.Replace("{where}", "par votre pharmacie", StringComparison.Ordinal),
            false => text.Replace("{where}", "par une autre pharmacie", StringComparison.Ordinal),
            null => text.Replace(" {where}", "", StringComparison.Ordinal),
        };
        text = result.StateChangedAt is { } at
            ? text.Replace("{date}", TimeZoneInfo.ConvertTime(at, France).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : text.Replace(" depuis le {date}", "", StringComparison.Ordinal).Replace(" le {date}", "", StringComparison.Ordinal);
        return text
            .Replace("{batch}", pack.Batch.Length > 0 ? pack.Batch : "(non lu)", StringComparison.Ordinal)
            .Replace("{expiry}", pack.Expiry?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "non lue", StringComparison.Ordinal)
            .Replace("{serial}", pack.SerialNumber, StringComparison.Ordinal)
            .Replace("{state}", result.PackState ?? "inconnu", StringComparison.Ordinal)
            .Replace("{code}", result.ReturnCode, StringComparison.Ordinal);
    }
}
