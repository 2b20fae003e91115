using System.Globalization;
using CsCheck;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Sources.RappelConso.Identification;
using RecallHub.Sources.RappelConso.Tests.Support;

namespace RecallHub.Sources.RappelConso.Tests.Identification;

public sealed class IdentificationProduitsParserPropertyTests
{
    private static readonly string[] DateTypes = ["date limite de consommation", "date de durabilité minimale", "non concerné"];

    private static readonly Gen<string> Gtin13 = Gen.String[Gen.Char["0123456789"], 12, 12].Select(Some.Gtin13);

    private static readonly Gen<DateOnly> Day = Gen.Int[0, 3650].Select(days => new DateOnly(2022, 1, 1).AddDays(days));

    /// <summary>An entry as RappelConso writes it: a lot, "tous les lots" or nothing, and no date, one date or a range.</summary>
    private static readonly Gen<ProductIdentification> Entry =
        Gen.Select(
            Gtin13,
            Gen.Int[0, 2],
            Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/._"], 1, 12],
            Gen.Int[0, DateTypes.Length - 1],
            Gen.Int[0, 2],
            Day,
            Gen.Int[0, 60])
        .Select(t =>
        {
            var (gtin, lotKind, lot, dateType, dates, from, span) = t;
            return new ProductIdentification(
                gtin,
                "0" + gtin,
                lotKind == 0 ? lot : null,
                lotKind == 1,
                DateTypes[dateType],
                dates > 0 ? from : null,
                dates > 1 ? from.AddDays(span) : null);
        });

    private static string Write(ProductIdentification entry) => string.Join('$',
        entry.Code,
        entry.AllLots ? "tous les lots" : entry.Lot ?? "",
        entry.DateType ?? "",
        entry.DateFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        entry.DateTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");

    [Fact]
    public void AnyEntries_ReadBackFromTheStringForm()
    {
        Entry.Array[1, 6].Sample(entries =>
        {
            var reading = IdentificationProduitsParser.Parse(string.Join('|', entries.Select(Write)));

            Assert.Equal(entries, reading.Entries);
            Assert.Empty(reading.Problems);
        });
    }

    [Fact]
    public void AnyEntries_ReadBackFromTheArrayForm()
    {
        Entry.Array[1, 6].Sample(entries =>
        {
            var reading = IdentificationProduitsParser.Parse([.. entries.Select(Write)]);

            Assert.Equal(entries, reading.Entries);
            Assert.Empty(reading.Problems);
        });
    }

    [Fact]
    public void AnyGarbage_NeverThrowsAndNeverGivesAGtinWithABadCheckDigit()
    {
        var garbage = Gen.OneOf(
            Gen.String[Gen.Char["0123456789$| /-.:Tousleslotdate\t\n"], 0, 120],
            Gen.String[Gen.Char["0123456789"], 0, 40],
            Gen.String);
        garbage.Array[0, 4].Sample(items =>
        {
            foreach (var reading in new[] { IdentificationProduitsParser.Parse(string.Concat(items)), IdentificationProduitsParser.Parse(items) })
            {
                Assert.All(reading.Entries, entry =>
                {
                    if (entry.Gtin is not null)
                    {
                        Assert.Equal(Gtin.Length, entry.Gtin.Length);
                        Assert.True(Gtin.IsValid(entry.Gtin), entry.Gtin);
                    }
                });
            }
        });
    }
}
