using System.Globalization;
using CsCheck;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.AclSante.Units;

namespace RecallHub.Sources.AclSante.Tests.Units;

public sealed class SerialRangeParserTests
{
    private static readonly string[] Separators = ["-", " - ", "..", " à ", " au ", " to ", "–", "—"];

    private static readonly Gen<string> Prefix = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ"], 0, 4];

    /// <summary>A prefix, a width, and two numbers in order that fit it.</summary>
    private static readonly Gen<(string Prefix, int Width, long First, long Last)> Range =
        Gen.Select(Prefix, Gen.Int[1, 12], Gen.Long[0, 999_999_999_999L], Gen.Long[0, 999_999_999_999L])
            .Select(t =>
            {
                var (prefix, width, a, b) = t;
                long max = (long)Math.Pow(10, width) - 1;
                (long first, long last) = (Math.Min(a, b) % (max + 1), Math.Max(a, b) % (max + 1));
                return (prefix, width, Math.Min(first, last), Math.Max(first, last));
            });

    private static string Serial(string prefix, int width, long number) =>
        prefix + number.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("SN10000-SN10499", "SN10000", "SN10499")]
    [InlineData("SN10000 - SN10499", "SN10000", "SN10499")]
    [InlineData("SN30000 à 30010", "SN30000", "SN30010")]
    [InlineData("SN1000-1099", "SN1000", "SN1099")]
    [InlineData("1000..1099", "1000", "1099")]
    [InlineData("1-100", "1", "100")]
    [InlineData("  SN5  ", "SN5", "SN5")]
    [InlineData("AB-1234", "AB-1234", "AB-1234")]
    [InlineData("2024-0001", "2024-0001", "2024-0001")]
    [InlineData("A-B", "A-B", "A-B")]
    [InlineData("SN-100-200", "SN-100-200", "SN-100-200")]
    public void WrittenRanges_AreReadAsTheManufacturerMeantThem(string text, string first, string last)
    {
        var range = SerialRangeParser.Parse(text, out string? problem);

        Assert.Equal(new SerialRange(first, last), range);
        Assert.Null(problem);
    }

    [Fact]
    public void SpelledRangeWrittenBackwards_IsPutInOrderAndReported()
    {
        var range = SerialRangeParser.Parse("SN2000 à SN1000", out string? problem);

        Assert.Equal(new SerialRange("SN1000", "SN2000"), range);
        Assert.Contains("backwards", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BareHyphenBackwards_IsOneSerialNotARange()
    {
        Assert.Equal(new SerialRange("SN2000-SN1000", "SN2000-SN1000"), SerialRangeParser.Parse("SN2000-SN1000", out _));
    }

    [Fact]
    public void AnyOrderedRange_ReadsBackWithAnySeparator()
    {
        Gen.Select(Range, Gen.Int[0, Separators.Length - 1]).Sample(t =>
        {
            var ((prefix, width, first, last), separator) = t;
            string a = Serial(prefix, width, first);
            string b = Serial(prefix, width, last);
            // A bare hyphen between two equal ends is one serial written twice, not a range; skip that reading.
            if (first == last && Separators[separator] == "-")
            {
                return;
            }

            var range = SerialRangeParser.Parse(a + Separators[separator] + b, out string? problem);

            Assert.Equal(new SerialRange(a, b), range);
            Assert.Null(problem);
        });
    }

    [Fact]
    public void AnyShorthandRange_ExpandsTheLastEndFromTheFirst()
    {
        Gen.Select(Prefix, Gen.Int[2, 9], Gen.Int[1, 8]).Sample(t =>
        {
            var (prefix, width, changing) = t;
            int kept = Math.Min(changing, width - 1);
            long first = (long)Math.Pow(10, width - 1);
            long last = first + (long)Math.Pow(10, kept) - 1;
            string a = Serial(prefix, width, first);
            string b = Serial(prefix, width, last);

            var range = SerialRangeParser.Parse(a + "-" + b[^kept..], out _);

            Assert.Equal(new SerialRange(a, b), range);
        });
    }

    [Fact]
    public void AnyText_GivesAnOrderedRangeOfTrimmedNonEmptyEnds_OrNothing()
    {
        Gen.String[Gen.Char["AB019 -.àa\t–"], 0, 16].Sample(text =>
        {
            var range = SerialRangeParser.Parse(text, out _);

            if (string.IsNullOrWhiteSpace(text))
            {
                Assert.Null(range);
                return;
            }

            Assert.NotNull(range);
            Assert.All((string[])[range.First, range.Last], end => Assert.Equal(end.Trim(), end));
            Assert.False(string.IsNullOrEmpty(range.First) || string.IsNullOrEmpty(range.Last));
            Assert.True(SerialRangeParser.Compare(range.First, range.Last) <= 0, $"{range} is not in order");
        });
    }

    [Fact]
    public void AnySingleSerialWithoutSeparators_IsItself()
    {
        Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ0123456789/"], 1, 20].Sample(serial =>
        {
            Assert.Equal(new SerialRange(serial, serial), SerialRangeParser.Parse(serial, out string? problem));
            Assert.Null(problem);
        });
    }
}
