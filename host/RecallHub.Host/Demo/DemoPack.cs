using System.Globalization;

namespace RecallHub.Host.Demo;

/// <summary>A box or device of the demo pharmacy, as its DataMatrix encodes it.</summary>
/// <param name="Label">What the pharmacist calls it.</param>
/// <param name="Gtin">The GTIN-14 (a CIP13 or ACL13 inside for medicines and parapharmacy).</param>
/// <param name="Expiry">The expiry printed on it.</param>
/// <param name="Lot">The lot.</param>
/// <param name="Serial">The serial number, for serialised medicines and devices; <see langword="null"/> otherwise.</param>
internal sealed record DemoPack(string Label, string Gtin, DateOnly Expiry, string Lot, string? Serial = null)
{
    /// <summary>Whether the national verification system knows it: serialised French medicines (CIP13 inside).</summary>
    public bool IsVerified => Serial is not null && Gtin.StartsWith("03400", StringComparison.Ordinal);

    /// <summary>What the scanner sends: ]d2, (01) GTIN, (17) expiry, (10) lot, then GS and (21) serial when there is one.</summary>
    public string Code =>
        string.Create(CultureInfo.InvariantCulture, $"]d201{Gtin}17{Expiry:yyMMdd}10{Lot}") + (Serial is null ? "" : "\u001d21" + Serial);

    /// <summary>How the report names it: label, lot and serial.</summary>
    public string Describe() => Serial is null ? $"{Label} — lot {Lot}" : $"{Label} — lot {Lot}, boîte n° {Serial}";
}
