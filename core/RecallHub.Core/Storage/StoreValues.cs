using System.Globalization;
using System.Text.Json;

namespace RecallHub.Core.Storage;

/// <summary>
/// How values are written the same way by every store: enums as snake_case text (as in the notice JSON), and instants
/// as the fixed-width UTC text that the audit chain hashes.
/// </summary>
internal static class StoreValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>An instant as fixed-width UTC text, so that text order is time order.</summary>
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an instant written by <see cref="Instant(DateTimeOffset)"/>.</summary>
    public static DateTimeOffset ReadInstant(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc));

    /// <summary>An enum member as snake_case text (<c>UdiDi</c> → <c>udi_di</c>), as in the notice JSON.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Reads an enum member written by <see cref="Name{TEnum}"/>.</summary>
    /// <exception cref="StoreException">The text names no member.</exception>
    public static TEnum ReadName<TEnum>(string text, string where)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new StoreException($"Unknown {typeof(TEnum).Name} '{text}' in {where}.");
    }

    /// <summary>The state a serialised pack is in after a scan of this event.</summary>
    public static PackStatus StatusAfter(PackEvent @event) => @event switch
    {
        PackEvent.Dispensation => PackStatus.Dispensed,
        PackEvent.Destruction => PackStatus.Destroyed,
        PackEvent.Implantation => PackStatus.Implanted,
        _ => PackStatus.InStock,
    };

    /// <summary>A scanned code as shown in messages: scanners send control characters (GS).</summary>
    public static string Printable(string raw) => raw.Replace("\u001d", "<GS>", StringComparison.Ordinal);

    /// <summary>A pack as named in messages.</summary>
    public static string DescribePack(string productKey, string? lot, string? serial) =>
        productKey + (lot is null ? ", lot unknown" : $", lot {lot}") + (serial is null ? "" : $", serial {serial}");
}
