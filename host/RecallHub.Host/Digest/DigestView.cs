using System.Globalization;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;
using RecallHub.Host.Running;

namespace RecallHub.Host.Digest;

/// <summary>
/// What the digest templates see: every text from a recall, a scan or a plugin passed through <c>escape</c> — HTML
/// encoding for the HTML part — so that a template cannot forget it and a hostile recall title stays text. Dates are
/// already written in French, Europe/Paris.
/// </summary>
internal sealed record DigestView(
    string PharmacyName,
    string Day,
    string DayLong,
    bool IsEmpty,
    string DashboardLink,
    string BlocksLink,
    string StatusLink,
    IReadOnlyList<DigestView.StockItem> Stock,
    int StockPacks,
    IReadOnlyList<DigestView.PatientItem> Patients,
    int PatientPacks,
    IReadOnlyList<DigestView.UnreadItem> Unread,
    IReadOnlyList<DigestView.AlertItem> VerificationAlerts,
    IReadOnlyList<DigestView.NewItem> NewRecalls,
    bool PluginsKnown,
    IReadOnlyList<DigestView.PluginItem> Plugins,
    int PluginsFailing)
{
    /// <summary>How many blocked packs a recall lists before saying how many more: a digest, not an inventory.</summary>
    public const int PacksListed = 10;

    /// <summary>A recall is overdue once unread this many days: said louder.</summary>
    public const int OverdueDays = 2;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The view of <paramref name="content"/>.</summary>
    public static DigestView For(DigestContent content, DigestOptions options, Func<string, string> escape)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(escape);
        string? Escape(string? text) => text is null ? null : escape(text);
        string RecallLink(long id) => escape(options.Link($"recalls/{id.ToString(CultureInfo.InvariantCulture)}"));

        var plugins = content.Plugins ?? [];
        return new DigestView(
            escape(options.PharmacyName),
            content.Day.ToString("dd/MM/yyyy", French),
            content.Day.ToString("dddd d MMMM yyyy", French),
            content.IsEmpty,
            escape(options.Link("")),
            escape(options.Link("blocks")),
            escape(options.Link("status")),
            [.. content.Stock.Select(s => new StockItem(
                escape(s.Title),
                Escape(s.AlertNumber),
                RecallLink(s.RecallId),
                s.Blocks.Count,
                s.NewBlocks,
                [.. s.Blocks.Take(PacksListed).Select(b => new PackItem(
                    escape(FrenchProductCode.Cip13FromGtin(b.Gtin) ?? FrenchProductCode.Acl13FromGtin(b.Gtin) ?? b.Gtin ?? b.ProductKey),
                    Escape(b.Lot),
                    Escape(b.Serial),
                    b.Expiry?.ToString("dd/MM/yyyy", French),
                    Escape(b.Workstation),
                    Local(b.Since),
                    b.NeedsManualCheck))],
                Math.Max(0, s.Blocks.Count - PacksListed),
                [.. s.Actions.Select(escape)]))],
            content.Stock.Sum(s => s.Blocks.Count),
            [.. content.Patients.Select(p => new PatientItem(escape(p.Title), Escape(p.AlertNumber), RecallLink(p.RecallId), p.HandedOverPacks))],
            content.Patients.Sum(p => p.HandedOverPacks),
            [.. content.Unread.Select(u => new UnreadItem(escape(u.Title), Escape(u.AlertNumber), RecallLink(u.RecallId), Local(u.ReceivedAt), u.AgeDays, u.AgeDays >= OverdueDays))],
            [.. content.VerificationAlerts.Select(a => new AlertItem(escape(a.Title), Escape(a.AlertNumber), RecallLink(a.RecallId), Escape(a.Explanation), [.. a.Actions.Select(escape)], Local(a.ReceivedAt)))],
            [.. content.NewRecalls.Select(n => new NewItem(escape(n.Title), Escape(n.AlertNumber), RecallLink(n.RecallId), KindText(n.Kind), escape(string.Join(", ", n.Sources)), n.PublishedAt.ToOffset(Offset(n.PublishedAt)).ToString("dd/MM/yyyy", French)))],
            content.Plugins is not null,
            [.. plugins.Select(p => new PluginItem(
                escape(p.Id),
                p.IsSource ? "source" : "envoi",
                p.State switch { RecallHub.Host.Plugins.PluginState.Failed => "en échec", RecallHub.Host.Plugins.PluginState.Disabled => "désactivé", _ => "en marche" },
                Escape(p.Reason),
                p.LastPullAt is { } at ? Local(at) : null,
                Escape(p.LastPullError),
                p.IsFailing))],
            plugins.Count(p => p.IsFailing));
    }

    private static string Local(DateTimeOffset instant) => instant.ToOffset(Offset(instant)).ToString("dd/MM/yyyy 'à' HH:mm", French);

    private static TimeSpan Offset(DateTimeOffset instant) => PluginRuntimeServices.ScheduleTimeZone.GetUtcOffset(instant);

    private static string KindText(NoticeKind kind) => kind switch
    {
        NoticeKind.LotRecall => "rappel de lots",
        NoticeKind.ProductWithdrawal => "retrait du produit",
        NoticeKind.DeviceFieldSafetyNotice => "dispositif médical (FSN)",
        NoticeKind.ConsumerRecall => "rappel consommateurs",
        NoticeKind.Information => "information de sécurité",
        _ => "alerte",
    };

    /// <summary>A recall that blocks stock.</summary>
    public sealed record StockItem(string Title, string? AlertNumber, string Link, int Packs, int NewPacks, IReadOnlyList<PackItem> PackList, int MorePacks, IReadOnlyList<string> Actions);

    /// <summary>A blocked pack.</summary>
    public sealed record PackItem(string Code, string? Lot, string? Serial, string? Expiry, string? Workstation, string Since, bool ManualCheck);

    /// <summary>A recall with patients to contact.</summary>
    public sealed record PatientItem(string Title, string? AlertNumber, string Link, int Packs);

    /// <summary>A recall nobody acknowledged.</summary>
    public sealed record UnreadItem(string Title, string? AlertNumber, string Link, string Received, int AgeDays, bool Overdue);

    /// <summary>A verification alert.</summary>
    public sealed record AlertItem(string Title, string? AlertNumber, string Link, string? Explanation, IReadOnlyList<string> Actions, string Received);

    /// <summary>A recall for information.</summary>
    public sealed record NewItem(string Title, string? AlertNumber, string Link, string Kind, string Sources, string Published);

    /// <summary>A plugin's health.</summary>
    public sealed record PluginItem(string Id, string Kind, string State, string? Reason, string? LastPull, string? LastPullError, bool Failing);
}
