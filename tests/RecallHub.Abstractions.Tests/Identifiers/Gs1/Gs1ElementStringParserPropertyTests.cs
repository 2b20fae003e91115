using System.Globalization;
using System.Text;
using CsCheck;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Tests.Support;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class Gs1ElementStringParserPropertyTests
{
    private const string Cset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static readonly Gs1ParserOptions Options = Some.Gs1Options();

    private static readonly Gen<string> Digits13 = Gen.String[Gen.Char["0123456789"], 13, 13];

    private static Gen<(string Ai, string Value)> Element(string ai, Gen<string> value) => value.Select(v => (ai, v));

    private static Gen<string> Text(int max, string alphabet) => Gen.String[Gen.Char[alphabet], 1, max];

    // Dates within the GS1 century window of Some.Today, so that they read back as written.
    private static readonly Gen<string> Date = Gen.Int[0, 36_000].Select(days =>
        DateOnly.FromDateTime(Some.Today.UtcDateTime).AddDays(days - 17_800).ToString("yyMMdd", CultureInfo.InvariantCulture));

    /// <summary>A set of element strings a real pack or device could carry, in random order.</summary>
    private static Gen<(string Ai, string Value)[]> ElementSet(string textAlphabet) =>
        Gen.Select(
            Digits13.Select(Some.GtinFrom),
            Date,
            Date,
            Text(20, textAlphabet),
            Text(20, textAlphabet),
            Text(30, textAlphabet),
            Gen.String[Gen.Char["0123456789"], 1, 8],
            Gen.Int[0, 63])
        .SelectMany(t =>
        {
            var (gtin, expiry, production, lot, serial, additional, count, mask) = t;
            var optional = new List<(string, string)>();
            if ((mask & 1) != 0) optional.Add(("17", expiry));
            if ((mask & 2) != 0) optional.Add(("11", production));
            if ((mask & 4) != 0) optional.Add(("10", lot));
            if ((mask & 8) != 0) optional.Add(("21", serial));
            if ((mask & 16) != 0) optional.Add(("240", additional));
            if ((mask & 32) != 0) optional.Add(("30", count));
            optional.Add(("01", gtin));
            return Gen.Shuffle(optional.ToArray());
        });

    /// <summary>Encodes elements as a scanner would send them: GS (or a substitute) after every field that needs it.</summary>
    private static string Encode((string Ai, string Value)[] elements, string prefix, string separator, bool leadingFnc1)
    {
        var text = new StringBuilder(prefix);
        if (leadingFnc1)
        {
            text.Append(separator);
        }

        for (int i = 0; i < elements.Length; i++)
        {
            var (ai, value) = elements[i];
            text.Append(ai).Append(value);
            if (i < elements.Length - 1 && !ApplicationIdentifiers.Get(ai).IsPredefinedLength)
            {
                text.Append(separator);
            }
        }

        return text.ToString();
    }

    private static void AssertReadsBack((string Ai, string Value)[] elements, string input, Gs1ParserOptions options)
    {
        var reading = Gs1ElementStringParser.Read(input, options);
        Assert.True(reading.IsValid, $"{input.Replace("\u001d", "<GS>", StringComparison.Ordinal)}: {string.Join("; ", reading.Errors.Select(e => e.Message))}");
        Assert.Equal(elements.Select(e => $"{e.Ai}={e.Value}"), reading.Elements.Select(e => $"{e.Id}={e.Value}"));
    }

    [Fact]
    public void AnyValidElementSet_ReadsBackFromEveryRawInputForm()
    {
        var forms = Gen.Select(
            Gen.OneOf<string>("", "]d2", "]Q3", "]C1", "]e0", "]J1"),
            Gen.OneOf<string>("\u001d", "~", "{GS}", "^^"),
            Gen.Bool);
        Gen.Select(ElementSet(Cset82), forms).Sample(t =>
        {
            var (elements, (prefix, separator, leadingFnc1)) = t;
            var options = new Gs1ParserOptions { TimeProvider = Some.Clock(), GroupSeparatorSubstitute = separator == "\u001d" ? null : separator };
            AssertReadsBack(elements, Encode(elements, prefix, separator, leadingFnc1), options);
        }, iter: 2_000);
    }

    [Fact]
    public void AnyValidElementSet_ReadsBackFromTheBracketedForm()
    {
        // The bracketed form has no escape for '(' in data, so values here do not hold one.
        ElementSet(Cset82.Replace("(", "", StringComparison.Ordinal)).Sample(elements =>
            AssertReadsBack(elements, Some.Bracketed(elements), Options), iter: 2_000);
    }

    [Fact]
    public void AnyValidElementSet_ReadsBackFromAnIso15434Envelope()
    {
        ElementSet(Cset82).Sample(elements =>
            AssertReadsBack(elements, "[)>\u001e05\u001d" + Encode(elements, "", "\u001d", false) + "\u001e\u0004", Options), iter: 500);
    }

    [Fact]
    public void AnyValidElementSetWithoutSeparators_HasItsTrueReadingAmongTheLenientOnes()
    {
        // Letters only, so that the number of splits stays small enough to enumerate them all.
        var options = new Gs1ParserOptions { TimeProvider = Some.Clock(), MaxLenientReadings = 1_000 };
        ElementSet("ABCDEFGHIJKLMNOPQRSTUVWXYZ").Where(set => !set.Any(e => e.Ai == "30")).Sample(elements =>
        {
            string input = Encode(elements, "]d2", "", false);
            var reading = Gs1ElementStringParser.ReadLenient(input, options);
            var readings = reading.IsAmbiguous ? reading.Alternatives : [reading];
            string expected = string.Join("|", elements.Select(e => $"{e.Ai}={e.Value}"));
            Assert.Contains(expected, readings.Select(r => string.Join("|", r.Elements.Select(e => $"{e.Id}={e.Value}"))));
            Assert.Equal(reading.IsAmbiguous, readings.Count > 1);
        }, iter: 500);
    }

    [Fact]
    public void RandomInput_NeverThrows()
    {
        var elements = new Gs1ElementRange[Gs1ElementStringParser.MaxElements];
        var errors = new Gs1Error[8];
        var gs1ish = Gen.String[Gen.Char["0123456789()]dQ2\u001d\u001e\u0004[>AZaz#~ "], 0, 60];
        Gen.OneOf(Gen.String, gs1ish).Sample(input =>
        {
            var result = Gs1ElementStringParser.Parse(input, elements, errors, Options);
            Assert.True(result.ElementCount <= elements.Length);
            var reading = Gs1ElementStringParser.Read(input, Options);
            Assert.All(reading.Errors, e => Assert.InRange(e.Position, 0, input.Length));
            Assert.All(reading.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            _ = Gs1ElementStringParser.ReadLenient(input, Options);
        }, iter: 20_000);
    }
}
