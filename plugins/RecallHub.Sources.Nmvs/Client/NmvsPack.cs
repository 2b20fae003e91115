namespace RecallHub.Sources.Nmvs.Client;

/// <summary>A pack as the national system identifies it: the four data of its DataMatrix.</summary>
/// <param name="ProductCode">The product code (a GTIN-14 for French medicines).</param>
/// <param name="Batch">The batch (lot); empty when the code did not carry it.</param>
/// <param name="Expiry">The expiry, when the code carried it.</param>
/// <param name="SerialNumber">The serial number.</param>
internal sealed record NmvsPack(string ProductCode, string Batch, DateOnly? Expiry, string SerialNumber)
{
    /// <summary>The product code's scheme: <c>GTIN</c>, or <c>PPN</c> for IFA codes.</summary>
    public string ProductCodeScheme { get; init; } = "GTIN";
}
