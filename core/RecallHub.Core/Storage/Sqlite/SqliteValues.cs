using System.Globalization;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>How values are written in SQLite columns: instants as sortable UTC text, dates as ISO text, enums as snake_case text.</summary>
internal static class SqliteValues
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>An instant as fixed-width UTC text, so that text order is time order.</summary>
    public static string Instant(DateTimeOffset value) => StoreValues.Instant(value);

    /// <summary>An instant as fixed-width UTC text, or <see langword="null"/>.</summary>
    public static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    /// <summary>Reads an instant written by <see cref="Instant(DateTimeOffset)"/>.</summary>
    public static DateTimeOffset ReadInstant(string text) => StoreValues.ReadInstant(text);

    /// <summary>Reads an optional instant.</summary>
    public static DateTimeOffset? ReadInstantOrNull(string? text) => text is null ? null : ReadInstant(text);

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string? Date(DateOnly? value) => value?.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an optional date.</summary>
    public static DateOnly? ReadDate(string? text) => text is null ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    /// <summary>An enum member as snake_case text (<c>UdiDi</c> → <c>udi_di</c>), as in the notice JSON.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => StoreValues.Name(value);

    /// <summary>Reads an enum member written by <see cref="Name{TEnum}"/>.</summary>
    /// <exception cref="StoreException">The text names no member.</exception>
    public static TEnum ReadName<TEnum>(string text, string where)
        where TEnum : struct, Enum => StoreValues.ReadName<TEnum>(text, where);
}
