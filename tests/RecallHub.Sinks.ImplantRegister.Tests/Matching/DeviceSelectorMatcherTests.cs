using System.Globalization;
using CsCheck;
using RecallHub.Abstractions.Notices;
using RecallHub.Sinks.ImplantRegister.Matching;

namespace RecallHub.Sinks.ImplantRegister.Tests.Matching;

public sealed class DeviceSelectorMatcherTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private const int Days = 60;

    [Theory]
    [InlineData("LOT42", "lot 42", true)]
    [InlineData("LOT42", "0LOT42", false)]
    public void Lots_are_compared_ignoring_case_and_spaces_but_not_leading_zeros(string listed, string registered, bool concerned) =>
        Assert.Equal(concerned ? RegisterMatch.Concerned : RegisterMatch.None, DeviceSelectorMatcher.Match(new LotSelector { Lots = [new LotEntry(listed)] }, registered, null, null));

    [Theory]
    [InlineData("SN-A0100", "SN-A0199", "sn-a0150", true)]
    [InlineData("SN-A0100", "SN-A0199", "SN-A01500", false)] // another length: another numbering
    [InlineData("8", "12", "10", true)] // digits of different lengths compare as numbers
    [InlineData("8", "12", "13", false)]
    public void Serial_ranges(string first, string last, string serial, bool concerned) =>
        Assert.Equal(concerned ? RegisterMatch.Concerned : RegisterMatch.None, DeviceSelectorMatcher.Match(new LotSelector { Serials = [new SerialRange(first, last)] }, null, serial, null));

    [Fact]
    public void What_the_register_lacks_cannot_rule_a_device_out()
    {
        Assert.Equal(RegisterMatch.CannotTell, DeviceSelectorMatcher.Match(new LotSelector { Lots = [new LotEntry("L1")] }, null, "S", null));
        Assert.Equal(RegisterMatch.CannotTell, DeviceSelectorMatcher.Match(new LotSelector { ProductionRange = new DateRange(Start, null) }, "L1", "S", Start));
        Assert.Equal(RegisterMatch.Concerned, DeviceSelectorMatcher.Match(LotSelector.All, null, null, null));
        Assert.Equal(RegisterMatch.None, DeviceSelectorMatcher.Match(new LotSelector(), "L1", "S", Start));
    }

    [Fact]
    public void The_matcher_agrees_with_a_brute_force_oracle()
    {
        var lot = Gen.OneOf(Gen.Const((string?)null), Gen.String[Gen.Char["AB12 ab"], 1, 3].Select(s => (string?)s));
        var digits = Gen.String[Gen.Char["0123456789"], 1, 3];
        var range = Gen.Select(digits, digits, (a, b) => new SerialRange(a, b));
        var day = Gen.Int[0, Days - 1].Select(d => Start.AddDays(d));
        var dateRange = Gen.Select(Gen.Int[0, 2], day, Gen.Int[0, 2], day, (f, from, t, to) => new DateRange(f == 0 ? null : from, t == 0 ? null : to));
        var selector = Gen.Select(Gen.Int[0, 9], Gen.String[Gen.Char["AB12 ab"], 1, 3].Array[0, 3], range.Array[0, 2], Gen.Int[0, 2], dateRange, Gen.Int[0, 5],
            (all, lots, serials, hasRange, expiry, production) => new LotSelector
            {
                AllLots = all == 0,
                Lots = [.. lots.Select(l => new LotEntry(l))],
                Serials = serials,
                ExpiryRange = hasRange == 0 ? expiry : null,
                ProductionRange = production == 0 ? new DateRange(Start, null) : null,
            });
        var serial = Gen.OneOf(Gen.Const((string?)null), digits.Select(s => (string?)s));
        var expiryOf = Gen.OneOf(Gen.Const((DateOnly?)null), day.Select(d => (DateOnly?)d));

        Gen.Select(selector, lot, serial, expiryOf).Sample((s, l, sn, e) =>
            Assert.Equal(Oracle(s, l, sn, e), DeviceSelectorMatcher.Match(s, l, sn, e)));
    }

    // Enumerates what each criterion covers instead of comparing ends: every lot spelling, every serial of a numbering,
    // every day of the range.
    private static RegisterMatch Oracle(LotSelector selector, string? lot, string? serial, DateOnly? expiry)
    {
        if (selector.AllLots)
        {
            return RegisterMatch.Concerned;
        }

        bool cannotTell = false;
        if (selector.Lots.Count > 0)
        {
            var listed = selector.Lots.Select(l => new string([.. l.Lot.Where(c => c != ' ').Select(char.ToUpperInvariant)])).ToHashSet();
            string? key = lot is null ? null : new string([.. lot.Where(c => c != ' ').Select(char.ToUpperInvariant)]);
            if (string.IsNullOrEmpty(key))
            {
                cannotTell = true;
            }
            else if (listed.Contains(key))
            {
                return RegisterMatch.Concerned;
            }
        }

        if (selector.Serials.Count > 0)
        {
            if (serial is null)
            {
                cannotTell = true;
            }
            else if (selector.Serials.Any(r => Covered(r).Contains(serial)))
            {
                return RegisterMatch.Concerned;
            }
        }

        if (selector.ExpiryRange is { } range)
        {
            if (expiry is null)
            {
                cannotTell = true;
            }
            else if (Enumerable.Range(0, Days).Select(d => Start.AddDays(d)).Where(d => (range.From is null || d >= range.From) && (range.To is null || d <= range.To)).Contains(expiry.Value))
            {
                return RegisterMatch.Concerned;
            }
        }

        return cannotTell || selector.ProductionRange is not null ? RegisterMatch.CannotTell : RegisterMatch.None;
    }

    // Every 1-3 digit serial a range covers: same-length ends cover the numbers between them written at that length;
    // ends of different lengths cover every spelling (leading zeros included) of the numbers between them.
    private static HashSet<string> Covered(SerialRange range)
    {
        int first = int.Parse(range.First, CultureInfo.InvariantCulture);
        int last = int.Parse(range.Last, CultureInfo.InvariantCulture);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        for (int length = 1; length <= 3; length++)
        {
            for (int n = 0; n < Math.Pow(10, length); n++)
            {
                string text = n.ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
                bool inside = range.First.Length == range.Last.Length
                    ? length == range.First.Length && n >= first && n <= last
                    : n >= first && n <= last;
                if (inside)
                {
                    covered.Add(text);
                }
            }
        }

        return covered;
    }
}
