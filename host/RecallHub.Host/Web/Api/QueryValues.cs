using System.Globalization;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Api;

/// <summary>
/// Reads query parameters given as text, collecting every wrong one: minimal-API binding would answer a bare 400
/// without saying which parameter is wrong.
/// </summary>
internal sealed class QueryValues
{
    private readonly List<(string, string)> _errors = [];

    /// <summary>The page asked for by <c>limit</c> (1 to <see cref="Paging.MaxLimit"/>, default 50) and <c>offset</c> (default 0).</summary>
    public Paging Page(string? limit, string? offset)
    {
        int take = Integer("limit", limit, 1, Paging.MaxLimit) ?? Paging.First.Limit;
        int skip = Integer("offset", offset, 0, int.MaxValue) ?? 0;
        return new Paging(skip, take);
    }

    /// <summary>A positive id, or <see langword="null"/> when not given.</summary>
    public long? Id(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0)
        {
            return id;
        }

        _errors.Add((name, $"'{value}' is not an id: use a positive whole number."));
        return null;
    }

    /// <summary>One of <paramref name="values"/> by its API name, <paramref name="fallback"/> when not given.</summary>
    public T OneOf<T>(string name, string? value, IReadOnlyDictionary<string, T> values, T fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        if (values.TryGetValue(value, out var known))
        {
            return known;
        }

        _errors.Add((name, $"'{value}' is not one of: {string.Join(", ", values.Keys)}."));
        return fallback;
    }

    /// <summary>A <c>400</c> listing every wrong parameter, or <see langword="null"/> when all were right.</summary>
    public IResult? Problem => _errors.Count == 0 ? null : ApiProblems.Invalid("Bad query", _errors);

    private int? Integer(string name, string? value, int min, int max)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= min && number <= max)
        {
            return number;
        }

        _errors.Add((name, $"'{value}' is not a whole number from {min} to {max}."));
        return null;
    }
}
