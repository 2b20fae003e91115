using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Matching;

/// <summary>
/// Whether a <see cref="LotSelector"/> concerns a pack of its product. The product itself is not compared here: the
/// caller has already found the product by its key (<see cref="ProductKey"/>).
/// </summary>
/// <remarks>
/// <para>A pack is concerned when any criterion of the selector holds:</para>
/// <list type="bullet">
/// <item><b>All lots</b>: every pack.</item>
/// <item><b>Lots</b>: the pack's lot equals a listed lot, ignoring case and white space (<c>"a53 014"</c> is
/// <c>"A53014"</c>); leading zeros count (<c>"053014"</c> is another lot).</item>
/// <item><b>Lot with an expiry</b> (<see cref="LotEntry.Expiry"/>): notices print expiries as <c>MM/YYYY</c> and packs
/// carry a full date (day <c>00</c> read as the month's last day), so only the year and month are compared. The lot
/// matches and the expiry is unknown or in the same month: concerned. The lot matches but the pack expires in another
/// month: <see cref="MatchOutcome.CannotTell"/>, because the expiry only tells apart a lot number reused in another
/// year and a typo or a misread date in the notice must not let a recalled pack through.</item>
/// <item><b>Serials</b>: white space and case are ignored as for lots. A single serial (first = last) must be equal.
/// When both ends of a range have the same length, the serial must have that length and lie between them, compared
/// character by character, which for digits is comparing numbers however long (20-digit serials do not fit a
/// <see langword="long"/>). When the ends differ in length and everything is digits, the serials compare as numbers;
/// otherwise character by character.</item>
/// <item><b>Expiry range</b> and <b>production range</b>: <see cref="DateRange.Contains"/>, ends included.</item>
/// </list>
/// <para>
/// When no criterion holds but one needed a value the pack did not give (no lot, serial, expiry or production date,
/// as with a plain EAN-13 scan), or a lot matched with another expiry, the outcome is
/// <see cref="MatchOutcome.CannotTell"/>: the pharmacist checks the box by hand. An unknown value is never taken for
/// "not concerned". A selector with no criterion concerns nothing.
/// </para>
/// </remarks>
public static class LotSelectorMatcher
{
    /// <summary>Whether <paramref name="selector"/> concerns <paramref name="pack"/>, a pack of the selector's product.</summary>
    /// <param name="selector">Which units the notice concerns.</param>
    /// <param name="pack">The pack.</param>
    public static MatchOutcome Match(LotSelector selector, in PackIdentity pack)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.AllLots)
        {
            return MatchOutcome.Concerned;
        }

        bool cannotTell = false;
        if (selector.Lots.Count > 0)
        {
            var outcome = MatchLots(selector.Lots, pack.Lot, pack.Expiry);
            if (outcome == MatchOutcome.Concerned)
            {
                return outcome;
            }

            cannotTell |= outcome == MatchOutcome.CannotTell;
        }

        if (selector.Serials.Count > 0)
        {
            var outcome = MatchSerials(selector.Serials, pack.Serial);
            if (outcome == MatchOutcome.Concerned)
            {
                return outcome;
            }

            cannotTell |= outcome == MatchOutcome.CannotTell;
        }

        if (selector.ExpiryRange is { } expiryRange)
        {
            if (pack.Expiry is not { } expiry)
            {
                cannotTell = true;
            }
            else if (expiryRange.Contains(expiry))
            {
                return MatchOutcome.Concerned;
            }
        }

        if (selector.ProductionRange is { } productionRange)
        {
            if (pack.ProductionDate is not { } produced)
            {
                cannotTell = true;
            }
            else if (productionRange.Contains(produced))
            {
                return MatchOutcome.Concerned;
            }
        }

        return cannotTell ? MatchOutcome.CannotTell : MatchOutcome.NotConcerned;
    }

    /// <summary><see langword="true"/> when two lots are the same, ignoring case and white space (leading zeros count).</summary>
    /// <param name="x">A lot.</param>
    /// <param name="y">Another lot.</param>
    public static bool SameLot(string? x, string? y) => LotComparer.Instance.Equals(x, y);

    /// <summary><see langword="true"/> when <paramref name="serial"/> lies in <paramref name="range"/> (rules above).</summary>
    /// <param name="range">The recalled serial or range.</param>
    /// <param name="serial">The pack's serial.</param>
    public static bool SerialInRange(SerialRange range, string? serial)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (serial is null)
        {
            return false;
        }

        Span<char> buffer = serial.Length <= MatchText.StackLimit ? stackalloc char[MatchText.StackLimit] : new char[serial.Length];
        int length = MatchText.Normalize(serial, buffer);
        return SerialMatcher.ContainsRaw(range.First, range.Last, buffer[..length]);
    }

    /// <summary><see langword="true"/> when two expiry dates fall in the same year and month (how notices print them).</summary>
    /// <param name="x">An expiry date.</param>
    /// <param name="y">Another expiry date.</param>
    public static bool SameExpiryMonth(DateOnly x, DateOnly y) => x.Year == y.Year && x.Month == y.Month;

    private static MatchOutcome MatchLots(IReadOnlyList<LotEntry> lots, string? lot, DateOnly? expiry)
    {
        if (!MatchText.HasValue(lot))
        {
            return MatchOutcome.CannotTell;
        }

        bool otherExpiry = false;
        foreach (var entry in lots)
        {
            if (entry is null || !MatchText.AreEqual(entry.Lot, lot))
            {
                continue;
            }

            if (entry.Expiry is not { } listed || expiry is not { } packExpiry || SameExpiryMonth(listed, packExpiry))
            {
                return MatchOutcome.Concerned;
            }

            otherExpiry = true;
        }

        return otherExpiry ? MatchOutcome.CannotTell : MatchOutcome.NotConcerned;
    }

    private static MatchOutcome MatchSerials(IReadOnlyList<SerialRange> ranges, string? serial)
    {
        if (!MatchText.HasValue(serial))
        {
            return MatchOutcome.CannotTell;
        }

        Span<char> buffer = serial!.Length <= MatchText.StackLimit ? stackalloc char[MatchText.StackLimit] : new char[serial.Length];
        var normalized = buffer[..MatchText.Normalize(serial, buffer)];
        foreach (var range in ranges)
        {
            if (range is not null && SerialMatcher.ContainsRaw(range.First, range.Last, normalized))
            {
                return MatchOutcome.Concerned;
            }
        }

        return MatchOutcome.NotConcerned;
    }
}
