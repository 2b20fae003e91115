namespace RecallHub.Host.Web.Api;

/// <summary>A page of a list: the items, and how many there are in all.</summary>
/// <param name="Total">How many items match the filter, all pages together.</param>
/// <param name="Offset">How many were skipped.</param>
/// <param name="Limit">How many at most this page holds.</param>
/// <param name="Items">The page's items.</param>
internal sealed record ApiPage<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items);
