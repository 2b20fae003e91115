namespace RecallHub.Host.Digest;

/// <summary>What one day's digest says, most urgent first, before rendering.</summary>
/// <param name="Day">The day, Europe/Paris.</param>
/// <param name="From">The start of the period it covers (the previous digest's time).</param>
/// <param name="To">Its end (this digest's time).</param>
/// <param name="Stock">Recalls that block packs of the stock now.</param>
/// <param name="Patients">Recalls that reach packs handed over to patients.</param>
/// <param name="Unread">Recalls that concern the pharmacy and are not acknowledged, oldest first.</param>
/// <param name="VerificationAlerts">Verification alerts received during the period.</param>
/// <param name="NewRecalls">Other recalls received during the period, for information.</param>
/// <param name="Plugins">Each plugin's health, or <see langword="null"/> when the digest is built outside the running hub.</param>
internal sealed record DigestContent(
    DateOnly Day,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<DigestStockRecall> Stock,
    IReadOnlyList<DigestPatientRecall> Patients,
    IReadOnlyList<DigestUnreadRecall> Unread,
    IReadOnlyList<DigestVerificationAlert> VerificationAlerts,
    IReadOnlyList<DigestNewRecall> NewRecalls,
    IReadOnlyList<DigestPluginHealth>? Plugins)
{
    /// <summary>Nothing to read today (a failing plugin is still said).</summary>
    public bool IsEmpty => Stock.Count == 0 && Patients.Count == 0 && Unread.Count == 0 && VerificationAlerts.Count == 0 && NewRecalls.Count == 0;
}
