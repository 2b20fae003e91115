using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.FollowUp;

/// <summary>
/// How long the pharmacy has to close a recall's follow-up, counted from when the hub received it: 24 h when the
/// recall reaches patients, 48 h for any other notice that takes packs back, 7 days for information.
/// </summary>
public static class FollowUpDeadline
{
    /// <summary>A recall that reaches patients: they may be taking the product now.</summary>
    public static readonly TimeSpan PatientLevel = TimeSpan.FromHours(24);

    /// <summary>A lot recall, withdrawal, field safety notice, consumer recall or verification alert.</summary>
    public static readonly TimeSpan StockLevel = TimeSpan.FromHours(48);

    /// <summary>Information: nothing to take back, only to read.</summary>
    public static readonly TimeSpan Information = TimeSpan.FromDays(7);

    /// <summary>How long the follow-up may take.</summary>
    /// <param name="kind">What the notice asks.</param>
    /// <param name="levels">How deep the recall goes.</param>
    public static TimeSpan Delay(NoticeKind kind, RecallLevels levels) =>
        levels.HasFlag(RecallLevels.Patients) ? PatientLevel
        : kind == NoticeKind.Information ? Information
        : StockLevel;

    /// <summary>When the follow-up is due.</summary>
    /// <param name="kind">What the notice asks.</param>
    /// <param name="levels">How deep the recall goes.</param>
    /// <param name="receivedAt">When the hub first received the recall.</param>
    public static DateTimeOffset Due(NoticeKind kind, RecallLevels levels, DateTimeOffset receivedAt) => receivedAt + Delay(kind, levels);
}
