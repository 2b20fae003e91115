using CsCheck;
using RecallHub.Sources.Ansm.Tests.Support;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Tests.Text;

public sealed class LotFinderTests
{
    // French words of recall notices, the lot keywords and the words naive patterns took for lots (recallrx).
    private static readonly string[] Words =
    [
        "le", "laboratoire", "procède", "en", "accord", "avec", "l'ANSM", "au", "rappel", "des", "lots", "lot", "Lot", "Lots",
        "mentionnés", "ci-dessous", "concernés", "objet", "du", "fait", "suite", "à", "la", "mise", "évidence", "d'une",
        "erreur", "conditionnement", "Date", "de", "péremption", "numéros", "n°", "ayant", "dans", "destinés", "effectué",
        "entrainant", "est", "pour", "et", "ou", ":", ",", ";", "–", "(", ")", "Exp", "spécialité", "gélule", "boite",
        "établissements", "santé", "officines", "patients", "Numéros de lot :", "Lot n°", "tous les lots",
    ];

    private static readonly Gen<string> Prose = Gen.OneOf(Words).Array[1, 40].Select(w => string.Join(" ", w));

    private static readonly Gen<string> LotNumber =
        Gen.Select(Gen.Char["ABCDEFGHJKLMNPRSTVWXZ"].Array[0, 3], Gen.Char['0', '9'].Array[3, 8], (l, d) => new string(l) + new string(d));

    private static readonly Gen<DateOnly> ExpiryMonth =
        Gen.Select(Gen.Int[2024, 2032], Gen.Int[1, 12], (y, m) => new DateOnly(y, m, DateTime.DaysInMonth(y, m)));

    [Theory]
    [InlineData("Lot A53014 (péremption 02/2028)", "A53014", "2028-02-29")]
    [InlineData("Lot NAB87201 – Exp : 02/2027", "NAB87201", "2027-02-28")]
    [InlineData("du lot 2X25, exp. 31/12/2027", "2X25", "2027-12-31")]
    [InlineData("lot n° 7P010", "7P010", null)]
    [InlineData("Numéros de lot : 0031234567", "0031234567", null)]
    public void FindAfterKeywords_ReadsTheWrittenForms(string text, string lot, string? expiry)
    {
        var found = Assert.Single(LotFinder.FindAfterKeywords(text));

        Assert.Equal(lot, found.Entry.Lot);
        Assert.Equal(expiry is null ? null : DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), found.Entry.Expiry);
    }

    [Fact]
    public void FindAfterKeywords_ReadsAListAfterOneKeyword()
    {
        var found = LotFinder.FindAfterKeywords("Lots concernés : M405432, M409124 et M409125 ; les autres lots ne sont pas concernés.");

        Assert.Equal(["M405432", "M409124", "M409125"], found.Select(l => l.Entry.Lot));
    }

    [Theory]
    [InlineData("Lot 3400930270387")]
    [InlineData("lot 02/2028")]
    [InlineData("lot du 31/01/2027")]
    [InlineData("les lots mentionnés ci-dessous")]
    [InlineData("le lot objet du rappel")]
    [InlineData("Lot 10mg")]
    public void FindAfterKeywords_NeverTakesACipADateOrAWord(string text) => Assert.Empty(LotFinder.FindAfterKeywords(text));

    [Fact]
    public void IsPlausibleLot_RefusesEveryJunkTokenOfANaivePatternButAcceptsEveryRealLot()
    {
        var lots = RealRecalls.All.SelectMany(r => RealRecalls.Strings(r, "lots")).Distinct().ToList();

        // recallrx's lots column keeps what a naive regex took: the words without digits are that junk.
        var junk = lots.Where(l => !l.Any(char.IsAsciiDigit)).ToList();
        Assert.Contains("mentionn", junk);
        Assert.All(junk, l => Assert.False(LotFinder.IsPlausibleLot(l), l));
        Assert.All(lots.Except(junk), l => Assert.True(LotFinder.IsPlausibleLot(l), l));
    }

    [Fact]
    public void RandomFrenchProse_NeverYieldsALot() =>
        Prose.Sample(text =>
        {
            Assert.Empty(LotFinder.FindAfterKeywords(text));
            Assert.Empty(LotFinder.ReadList(text));
        });

    [Fact]
    public void ALotAfterItsKeyword_IsFoundOnceWithItsExpiry_WhateverProseSurroundsIt() =>
        Gen.Select(Prose, LotNumber, ExpiryMonth, Prose).Sample((before, lot, expiry, after) =>
        {
            string text = $"{before}. Lot {lot} (péremption {expiry:MM/yyyy}). {after}";

            var found = Assert.Single(LotFinder.FindAfterKeywords(text));

            Assert.Equal(lot, found.Entry.Lot);
            Assert.Equal(expiry, found.Entry.Expiry);
        });
}
