namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>How values cross to and from PostgreSQL: <c>timestamptz</c> is UTC to Npgsql, <c>date</c> reads as a <see cref="DateTime"/>.</summary>
internal static class PostgreSqlValues
{
    /// <summary>
    /// An instant as Npgsql writes it to <c>timestamptz</c> (it accepts only a zero offset), cut to the microsecond
    /// PostgreSQL keeps, so that what is hashed or compared before the write is what is read back.
    /// </summary>
    public static DateTimeOffset Instant(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>An optional instant as Npgsql writes it.</summary>
    public static DateTimeOffset? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    /// <summary>Reads a <c>timestamptz</c> column (a UTC <see cref="DateTime"/>).</summary>
    public static DateTimeOffset ReadInstant(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Reads an optional <c>timestamptz</c> column.</summary>
    public static DateTimeOffset? ReadInstant(DateTime? value) => value is { } v ? ReadInstant(v) : null;

    /// <summary>Reads an optional <c>date</c> column.</summary>
    public static DateOnly? ReadDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    /// <summary>A date as a parameter: a <see cref="DateTime"/> at midnight, cast to <c>date</c> in the SQL.</summary>
    public static DateTime? Date(DateOnly? value) => value?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
}
