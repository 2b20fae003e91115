using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Matching;

public sealed class LotSelectorMatcherTests
{
    private static MatchOutcome Match(LotSelector selector, PackIdentity pack) => LotSelectorMatcher.Match(selector, pack);

    [Theory]
    [InlineData("A53014")]
    [InlineData("a53014")]
    [InlineData("a53 014")]
    [InlineData(" A53014\t")]
    public void A_listed_lot_matches_whatever_its_case_and_white_space(string scanned) =>
        Assert.Equal(MatchOutcome.Concerned, Match(Some.Lots("A53 014"), Some.Pack(lot: scanned)));

    [Theory]
    [InlineData("053014")]
    [InlineData("0A53014")]
    [InlineData("A5301")]
    [InlineData("A53014B")]
    public void Another_lot_is_not_concerned(string scanned) =>
        Assert.Equal(MatchOutcome.NotConcerned, Match(Some.Lots("A53014"), Some.Pack(lot: scanned)));

    [Fact]
    public void Leading_zeros_are_kept()
    {
        Assert.Equal(MatchOutcome.NotConcerned, Match(Some.Lots("0012345"), Some.Pack(lot: "12345")));
        Assert.Equal(MatchOutcome.NotConcerned, Match(Some.Lots("12345"), Some.Pack(lot: "0012345")));
        Assert.Equal(MatchOutcome.Concerned, Match(Some.Lots("0012345"), Some.Pack(lot: "0012345")));
    }

    [Fact]
    public void All_lots_concern_every_pack_even_without_a_lot()
    {
        Assert.Equal(MatchOutcome.Concerned, Match(LotSelector.All, Some.Pack()));
        Assert.Equal(MatchOutcome.Concerned, Match(LotSelector.All, Some.Pack(lot: "ANY", serial: "1", expiry: Some.Date(2030, 1, 31))));
    }

    [Fact]
    public void A_lot_recall_cannot_tell_for_a_scan_without_a_lot()
    {
        var plainEan13 = PackIdentity.From(Some.Scan(Some.Cip13))!.Value;

        Assert.Null(plainEan13.Lot);
        Assert.Equal(MatchOutcome.CannotTell, Match(Some.Lots("A53014"), plainEan13));
        Assert.Equal(MatchOutcome.CannotTell, Match(Some.Lots("A53014"), Some.Pack(lot: "  ")));
    }

    [Fact]
    public void A_single_serial_matches_only_itself()
    {
        var selector = Some.Serials("7GH29KXW41Q", "7GH29KXW41Q");

        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(serial: "7GH29KXW41Q")));
        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(serial: "7gh29 kxw41q")));
        Assert.Equal(MatchOutcome.NotConcerned, Match(selector, Some.Pack(serial: "7GH29KXW41R")));
        Assert.Equal(MatchOutcome.NotConcerned, Match(selector, Some.Pack(serial: "07GH29KXW41Q")));
    }

    [Theory]
    [InlineData("000100", true)]
    [InlineData("000150", true)]
    [InlineData("000200", true)]
    [InlineData("000099", false)]
    [InlineData("000201", false)]
    [InlineData("150", false)]
    [InlineData("0000150", false)]
    public void A_numeric_serial_range_compares_numbers_of_its_own_length(string serial, bool concerned) =>
        Assert.Equal(
            concerned ? MatchOutcome.Concerned : MatchOutcome.NotConcerned,
            Match(Some.Serials("000100", "000200"), Some.Pack(serial: serial)));

    [Theory]
    [InlineData("12345678901234567890", true)]
    [InlineData("12345678901234567899", true)]
    [InlineData("12345678901234568000", true)]
    [InlineData("12345678901234567889", false)]
    [InlineData("12345678901234568001", false)]
    [InlineData("99999999999999999999", false)]
    public void Twenty_digit_serials_beyond_a_long_compare_as_numbers(string serial, bool concerned) =>
        Assert.Equal(
            concerned ? MatchOutcome.Concerned : MatchOutcome.NotConcerned,
            Match(Some.Serials("12345678901234567890", "12345678901234568000"), Some.Pack(serial: serial)));

    [Theory]
    [InlineData("5", true)]
    [InlineData("0050", true)]
    [InlineData("100", true)]
    [InlineData("101", false)]
    [InlineData("0", false)]
    public void A_numeric_range_whose_ends_differ_in_length_compares_numbers(string serial, bool concerned) =>
        Assert.Equal(
            concerned ? MatchOutcome.Concerned : MatchOutcome.NotConcerned,
            Match(Some.Serials("1", "100"), Some.Pack(serial: serial)));

    [Theory]
    [InlineData("SN-A0100", true)]
    [InlineData("sn-a0150", true)]
    [InlineData("SN-A0199", true)]
    [InlineData("SN-B0100", false)]
    [InlineData("SN-A0099", false)]
    [InlineData("SN-A015", false)]
    public void An_alphanumeric_serial_range_compares_characters(string serial, bool concerned) =>
        Assert.Equal(
            concerned ? MatchOutcome.Concerned : MatchOutcome.NotConcerned,
            Match(Some.Serials("SN-A0100", "SN-A0199"), Some.Pack(serial: serial)));

    [Fact]
    public void A_serial_recall_cannot_tell_for_a_scan_without_a_serial() =>
        Assert.Equal(MatchOutcome.CannotTell, Match(Some.Serials("100", "200"), Some.Pack(lot: "A53014")));

    [Fact]
    public void An_expiry_range_includes_its_ends()
    {
        var selector = Some.ExpiringBetween(Some.Date(2027, 1, 1), Some.Date(2027, 3, 31));

        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(expiry: Some.Date(2027, 1, 1))));
        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(expiry: Some.Date(2027, 3, 31))));
        Assert.Equal(MatchOutcome.NotConcerned, Match(selector, Some.Pack(expiry: Some.Date(2026, 12, 31))));
        Assert.Equal(MatchOutcome.NotConcerned, Match(selector, Some.Pack(expiry: Some.Date(2027, 4, 1))));
    }

    [Fact]
    public void An_open_expiry_range_concerns_everything_after_its_start() =>
        Assert.Equal(MatchOutcome.Concerned, Match(Some.ExpiringBetween(Some.Date(2027, 1, 1), null), Some.Pack(expiry: Some.Date(2040, 1, 1))));

    [Fact]
    public void An_expiry_range_cannot_tell_for_a_pack_without_an_expiry() =>
        Assert.Equal(MatchOutcome.CannotTell, Match(Some.ExpiringBetween(Some.Date(2027, 1, 1), Some.Date(2027, 3, 31)), Some.Pack(lot: "A53014")));

    [Fact]
    public void A_production_range_matches_the_production_date()
    {
        var selector = Some.ProducedBetween(Some.Date(2025, 6, 1), Some.Date(2025, 6, 30));

        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(produced: Some.Date(2025, 6, 15))));
        Assert.Equal(MatchOutcome.NotConcerned, Match(selector, Some.Pack(produced: Some.Date(2025, 7, 1))));
        Assert.Equal(MatchOutcome.CannotTell, Match(selector, Some.Pack(expiry: Some.Date(2028, 1, 31))));
    }

    [Theory]
    [InlineData(2028, 2, 29)]
    [InlineData(2028, 2, 1)]
    public void A_lot_listed_with_an_expiry_matches_a_pack_expiring_the_same_month(int year, int month, int day) =>
        Assert.Equal(
            MatchOutcome.Concerned,
            Match(Some.Lots(new LotEntry("A53014", Some.Date(2028, 2, 1))), Some.Pack(lot: "A53014", expiry: Some.Date(year, month, day))));

    [Fact]
    public void A_lot_listed_with_an_expiry_concerns_a_pack_whose_expiry_is_unknown() =>
        Assert.Equal(MatchOutcome.Concerned, Match(Some.Lots(new LotEntry("A53014", Some.Date(2028, 2, 29))), Some.Pack(lot: "A53014")));

    [Theory]
    [InlineData(2028, 3, 31)]
    [InlineData(2027, 2, 28)]
    public void A_lot_listed_with_another_expiry_month_cannot_tell(int year, int month, int day) =>
        Assert.Equal(
            MatchOutcome.CannotTell,
            Match(Some.Lots(new LotEntry("A53014", Some.Date(2028, 2, 29))), Some.Pack(lot: "A53014", expiry: Some.Date(year, month, day))));

    [Fact]
    public void A_lot_listed_twice_with_two_expiries_matches_either_month()
    {
        var selector = Some.Lots(new LotEntry("A53014", Some.Date(2027, 2, 28)), new LotEntry("a53014", Some.Date(2028, 2, 29)));

        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(lot: "A53014", expiry: Some.Date(2027, 2, 28))));
        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(lot: "A53014", expiry: Some.Date(2028, 2, 29))));
        Assert.Equal(MatchOutcome.CannotTell, Match(selector, Some.Pack(lot: "A53014", expiry: Some.Date(2029, 2, 28))));
    }

    [Fact]
    public void A_lot_listed_without_an_expiry_matches_any_expiry()
    {
        var selector = Some.Lots(new LotEntry("A53014", Some.Date(2027, 2, 28)), new LotEntry("A53014"));

        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(lot: "A53014", expiry: Some.Date(2031, 5, 31))));
    }

    [Fact]
    public void Any_criterion_that_holds_concerns_the_pack()
    {
        var selector = new LotSelector { Lots = [new LotEntry("A53014")], ExpiryRange = new DateRange(Some.Date(2027, 1, 1), Some.Date(2027, 12, 31)) };

        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(lot: "B00001", expiry: Some.Date(2027, 6, 30))));
        Assert.Equal(MatchOutcome.Concerned, Match(selector, Some.Pack(lot: "A53014", expiry: Some.Date(2029, 6, 30))));
        Assert.Equal(MatchOutcome.NotConcerned, Match(selector, Some.Pack(lot: "B00001", expiry: Some.Date(2029, 6, 30))));
    }

    [Fact]
    public void An_unknown_value_for_one_criterion_cannot_tell_even_when_another_does_not_hold()
    {
        var selector = new LotSelector { Lots = [new LotEntry("A53014")], Serials = [new SerialRange("100", "200")] };

        Assert.Equal(MatchOutcome.CannotTell, Match(selector, Some.Pack(lot: "B00001")));
        Assert.Equal(MatchOutcome.NotConcerned, Match(selector, Some.Pack(lot: "B00001", serial: "300")));
    }

    [Fact]
    public void An_empty_selector_concerns_nothing() =>
        Assert.Equal(MatchOutcome.NotConcerned, Match(new LotSelector(), Some.Pack()));

    [Fact]
    public void The_counter_scenario_reads_a_DataMatrix_and_blocks_the_recalled_lot()
    {
        var notice = Some.Notice(Some.Product(Some.Lots(new LotEntry("A53014", Some.Date(2028, 2, 1)))));
        var pack = PackIdentity.From(Some.Scan(Some.DataMatrix()))!.Value;

        Assert.Equal(MatchOutcome.Concerned, StoredPackMatcher.Match(notice.Products[0], pack));
    }
}
