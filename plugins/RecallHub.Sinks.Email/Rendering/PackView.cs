using System.Globalization;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Email.Rendering;

/// <summary>A blocked pack as a message lists it.</summary>
internal sealed record PackView(string Product, string? Lot, string? Serial, string? Expiry, string? Workstation, string Message)
{
    public static PackView For(HubEvent blocked, Func<string, string> escape)
    {
        var pack = blocked.Pack;
        string? Escape(string? text) => text is null ? null : escape(text);
        return new PackView(
            escape(pack?.Cip13 is { } cip ? $"CIP {cip}" : pack?.Gtin is { } gtin ? $"GTIN {gtin}" : "produit"),
            Escape(pack?.Lot),
            Escape(pack?.Serial),
            pack?.Expiry?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            Escape(pack?.Workstation),
            escape(blocked.Message ?? ""));
    }
}
