using RecallHub.Abstractions.Identifiers.ProductCodes;

namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>How the register compares device identifiers: a GTIN as GTIN-14, any other UDI-DI upper case without spaces.</summary>
internal static class DeviceKey
{
    public static string Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Gtin.Normalize(code) ?? Lot(code)!;
    }

    /// <summary>A lot or serial as compared: upper case, no white space; <see langword="null"/> stays <see langword="null"/>.</summary>
    public static string? Lot(string? lot) =>
        lot is null ? null : string.Concat(lot.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
