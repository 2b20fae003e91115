using System.Security.Cryptography;
using System.Text;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>A notice about to be stored, in its stored forms: the JSON without raw payload, its hash, its alert number.</summary>
internal sealed class IncomingNotice
{
    public IncomingNotice(RecallNotice notice, DateTimeOffset receivedAt)
    {
        Notice = notice;
        ReceivedAt = receivedAt;
        Json = RecallNoticeJson.Serialize(notice with { RawPayload = null });
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));
        AlertNumber = NormalizeAlertNumber(notice.AlertNumber);
    }

    public RecallNotice Notice { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The notice as <see cref="RecallNoticeJson.Serialize"/> writes it, raw payload left out.</summary>
    public string Json { get; }

    /// <summary>The SHA-256 of <see cref="Json"/>: the same content is the same notice.</summary>
    public string Sha256 { get; }

    /// <summary>The alert number as compared, or <see langword="null"/>.</summary>
    public string? AlertNumber { get; }

    /// <summary>The raw JSON of each product's selector, in product order.</summary>
    public IReadOnlyList<string> Selectors => LotSelectorJson.SelectorsOf(Json);

    /// <summary>An alert number as compared: upper case, without white space; blank is none.</summary>
    public static string? NormalizeAlertNumber(string? alertNumber) =>
        string.IsNullOrWhiteSpace(alertNumber) ? null : ProductKeys.Lot(alertNumber);
}
