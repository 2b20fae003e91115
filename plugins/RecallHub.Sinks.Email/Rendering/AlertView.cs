using System.Globalization;
using RecallHub.Sinks.Email.Composing;

namespace RecallHub.Sinks.Email.Rendering;

/// <summary>
/// What the templates see of an alert: every text from a recall or a scan passed through <c>escape</c> — HTML encoding
/// for the HTML part — so that a template cannot forget it and a hostile recall title stays text.
/// </summary>
internal sealed record AlertView(
    string PharmacyName,
    string Title,
    string? AlertNumber,
    string? Reason,
    string? Risk,
    IReadOnlyList<string> Actions,
    string? SourceLink,
    string? DashboardLink,
    bool ReachesPatients,
    IReadOnlyList<PackView> Blocked,
    int DispensedCount,
    string Since)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static AlertView For(RecallAlert alert, string pharmacyName, Uri? dashboard, TimeZoneInfo zone, Func<string, string> escape)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(escape);
        var facts = alert.Facts;
        string? Escape(string? text) => text is null ? null : escape(text);
        var first = alert.Blocked.Concat(alert.Dispensed).Min(e => e.OccurredAt);
        return new AlertView(
            escape(pharmacyName),
            escape(facts?.Title ?? $"Rappel n° {alert.RecallId}"),
            Escape(facts?.AlertNumber),
            Escape(facts?.Reason),
            Escape(facts?.Risk),
            [.. (facts?.Actions ?? []).Select(escape)],
            Escape(facts?.Link),
            dashboard is null ? null : escape(new Uri(dashboard, $"recalls/{alert.RecallId}").ToString()),
            facts?.ReachesPatients ?? alert.Dispensed.Count > 0,
            [.. alert.Blocked.Select(e => PackView.For(e, escape))],
            alert.Dispensed.Count,
            escape(TimeZoneInfo.ConvertTime(first, zone).ToString("dd/MM/yyyy 'à' HH:mm", French)));
    }
}
