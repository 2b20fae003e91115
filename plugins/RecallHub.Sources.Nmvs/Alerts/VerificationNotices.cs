using System.Globalization;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Nmvs.Client;
using RecallHub.Sources.Nmvs.Codes;

namespace RecallHub.Sources.Nmvs.Alerts;

/// <summary>
/// Turns an alert of the national system into the <see cref="RecallNotice"/> (kind <c>verification_alert</c>) that
/// makes the engine block: a recalled batch blocks every pack of that batch, a withdrawn product every pack of it, any
/// other alert exactly that box (by its serial number).
/// </summary>
internal static class VerificationNotices
{
    /// <summary>The notice for an alert; <see langword="null"/> for an answer that blocks nothing (OK, pending).</summary>
    /// <param name="source">The plugin's id.</param>
    /// <param name="result">The pack's result.</param>
    /// <param name="answer">What it means.</param>
    /// <param name="now">The hub's clock.</param>
    public static RecallNotice? For(string source, NmvsPackResult result, NmvsAnswer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(answer);
        var pack = result.Pack;
        (string id, string title, LotSelector selector) = answer.Outcome switch
        {
            NmvsOutcome.Ok or NmvsOutcome.Technical or NmvsOutcome.Configuration => default,
            NmvsOutcome.BatchRecalled when pack.Batch.Length > 0 => (
                $"batch:{pack.ProductCode}:{pack.Batch}",
                $"NMVS : lot {pack.Batch} rappelé ({pack.ProductCode})",
                new LotSelector { Lots = [new LotEntry(pack.Batch, pack.Expiry)] }),
            NmvsOutcome.ProductWithdrawn => (
                $"product:{pack.ProductCode}",
                $"NMVS : produit retiré du marché ({pack.ProductCode})",
                LotSelector.All),

            // The highest severity the hub can say: the title names the suspicion, and the box alone is held.
            NmvsOutcome.SuspectedFalsification => (
                $"pack:{pack.ProductCode}:{pack.SerialNumber}:{answer.Code}",
                $"ALERTE FALSIFICATION NMVS : boîte n° {pack.SerialNumber} ({answer.Code})",
                SerialOnly(pack)),
            _ => (
                $"pack:{pack.ProductCode}:{pack.SerialNumber}:{answer.Code}",
                $"Alerte NMVS : boîte n° {pack.SerialNumber} ({answer.Code})",
                SerialOnly(pack)),
        };
        if (id is null)
        {
            return null;
        }

        return new RecallNotice
        {
            Source = source,
            SourceId = id,
            Version = 1,
            Kind = NoticeKind.VerificationAlert,
            PublishedAt = result.StateChangedAt is { } at && answer.Outcome is NmvsOutcome.BatchRecalled or NmvsOutcome.ProductWithdrawn ? at : now,
            Title = title,
            Reason = answer.Message,
            RecallLevels = RecallLevels.Pharmacies,
            Actions = [answer.Action],
            Products = [new RecalledProduct(CodeScheme.Gtin, pack.ProductCode, Label(result), selector)],
            RawPayload = result.RawResponse,
        };
    }

    private static LotSelector SerialOnly(NmvsPack pack) => new() { Serials = [new SerialRange(pack.SerialNumber, pack.SerialNumber)] };

    private static string? Label(NmvsPackResult result) =>
        result.AlertId is { } alert
            ? string.Create(CultureInfo.InvariantCulture, $"Alerte NMVS n° {alert}{(result.WarningText is { } w ? " : " + w : "")}")
            : result.WarningText;
}
