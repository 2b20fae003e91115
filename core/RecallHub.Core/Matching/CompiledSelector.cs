using System.Collections.Frozen;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Matching;

/// <summary>
/// A <see cref="LotSelector"/> prepared for the hot path: lots in a frozen dictionary compared by
/// <see cref="LotComparer"/>, serial ranges in their compared form. Answers exactly as
/// <see cref="LotSelectorMatcher.Match"/> does, without allocating.
/// </summary>
internal sealed class CompiledSelector
{
    private readonly bool _allLots;
    private readonly bool _hasLots;

    // Lot → the expiry months (year * 12 + month - 1) listed with it, or null when it is listed without an expiry.
    private readonly FrozenDictionary<string, int[]?>.AlternateLookup<ReadOnlySpan<char>> _lots;
    private readonly (string First, string Last)[] _serials;
    private readonly DateRange? _expiryRange;
    private readonly DateRange? _productionRange;

    private CompiledSelector(LotSelector selector)
    {
        _allLots = selector.AllLots;
        _hasLots = selector.Lots.Count > 0;
        _lots = CompileLots(selector.Lots).GetAlternateLookup<ReadOnlySpan<char>>();
        _serials = [.. selector.Serials.Where(r => r is not null).Select(r => (MatchText.Normalize(r.First ?? ""), MatchText.Normalize(r.Last ?? "")))];
        _expiryRange = selector.ExpiryRange;
        _productionRange = selector.ProductionRange;
    }

    /// <summary><see langword="true"/> when some criterion needs the pack's serial.</summary>
    public bool UsesSerials => _serials.Length > 0;

    /// <summary>Prepares <paramref name="selector"/>.</summary>
    public static CompiledSelector Compile(LotSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new CompiledSelector(selector);
    }

    /// <summary>The outcome for a pack of the selector's product.</summary>
    /// <param name="lot">The pack's lot as read; blank when unknown.</param>
    /// <param name="serial">The pack's serial in its compared form; empty when unknown.</param>
    /// <param name="expiry">The pack's expiry date.</param>
    /// <param name="productionDate">The pack's production date.</param>
    public MatchOutcome Match(ReadOnlySpan<char> lot, ReadOnlySpan<char> serial, DateOnly? expiry, DateOnly? productionDate)
    {
        if (_allLots)
        {
            return MatchOutcome.Concerned;
        }

        bool cannotTell = false;
        if (_hasLots)
        {
            if (!MatchText.HasValue(lot))
            {
                cannotTell = true;
            }
            else if (_lots.TryGetValue(lot, out int[]? months))
            {
                if (months is null || expiry is not { } packExpiry || Array.IndexOf(months, MonthOf(packExpiry)) >= 0)
                {
                    return MatchOutcome.Concerned;
                }

                cannotTell = true;
            }
        }

        if (_serials.Length > 0)
        {
            if (serial.IsEmpty)
            {
                cannotTell = true;
            }
            else
            {
                foreach (var (first, last) in _serials)
                {
                    if (SerialMatcher.Contains(first, last, serial))
                    {
                        return MatchOutcome.Concerned;
                    }
                }
            }
        }

        if (_expiryRange is { } expiryRange)
        {
            if (expiry is not { } date)
            {
                cannotTell = true;
            }
            else if (expiryRange.Contains(date))
            {
                return MatchOutcome.Concerned;
            }
        }

        if (_productionRange is { } productionRange)
        {
            if (productionDate is not { } date)
            {
                cannotTell = true;
            }
            else if (productionRange.Contains(date))
            {
                return MatchOutcome.Concerned;
            }
        }

        return cannotTell ? MatchOutcome.CannotTell : MatchOutcome.NotConcerned;
    }

    private static int MonthOf(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static FrozenDictionary<string, int[]?> CompileLots(IReadOnlyList<LotEntry> lots)
    {
        var byLot = new Dictionary<string, List<int>?>(LotComparer.Instance);
        foreach (var entry in lots)
        {
            if (entry?.Lot is not { } lot)
            {
                continue;
            }

            bool known = byLot.TryGetValue(lot, out var months);
            if (entry.Expiry is not { } expiry)
            {
                byLot[lot] = null;
            }
            else if (!known)
            {
                byLot[lot] = [MonthOf(expiry)];
            }
            else
            {
                months?.Add(MonthOf(expiry));
            }
        }

        return byLot.ToFrozenDictionary(p => p.Key, p => p.Value?.Distinct().ToArray(), LotComparer.Instance);
    }
}
