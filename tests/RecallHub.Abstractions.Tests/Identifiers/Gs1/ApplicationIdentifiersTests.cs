using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class ApplicationIdentifiersTests
{
    [Fact]
    public void Table_HoldsEveryIdentifierOfTheSyntaxDictionary() =>
        Assert.Equal(536, ApplicationIdentifiers.All.Count);

    [Fact]
    public void Table_IsSortedByCodeWithoutDuplicates()
    {
        var codes = ApplicationIdentifiers.All.Select(ai => ai.Code).ToArray();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("0", 4)] // 00 SSCC, 01 GTIN, 02 CONTENT, 03 MTO GTIN
    [InlineData("1", 7)] // 10, 11, 12, 13, 15, 16, 17
    [InlineData("2", 13)] // 20, 21, 22, 235, 240–243, 250, 251, 253–255
    [InlineData("31", 42)] // 7 measures × 6 decimal positions
    [InlineData("32", 60)]
    [InlineData("33", 48)]
    [InlineData("34", 60)]
    [InlineData("35", 48)]
    [InlineData("36", 60)]
    [InlineData("39", 50)] // 3900–3909, 3910–3919, 3920–3929, 3930–3939, 3940–3943, 3950–3955
    [InlineData("40", 4)]
    [InlineData("41", 8)] // 410–417 GLNs
    [InlineData("42", 8)] // 420–427
    [InlineData("43", 31)] // 4300–4326 and 4330–4333
    [InlineData("70", 27)] // 7001–7011, 7020–7023, 7030–7039, 7040, 7041
    [InlineData("71", 7)] // 710–716 NHRN
    [InlineData("72", 23)] // 7230–7242 and 7250–7259
    [InlineData("80", 20)]
    [InlineData("81", 3)] // 8110, 8111, 8112
    [InlineData("82", 1)] // 8200
    [InlineData("9", 10)] // 90–99
    public void Table_HasTheRightNumberOfIdentifiersPerFamily(string prefix, int expected)
    {
        int count = ApplicationIdentifiers.All.Count(ai => ai.Code.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(expected, count);
    }

    [Fact]
    public void EveryCode_HasTheLengthThatItsTwoFirstDigitsAnnounce()
    {
        foreach (var group in ApplicationIdentifiers.All.GroupBy(ai => ai.Code[..2], StringComparer.Ordinal))
        {
            int length = ApplicationIdentifiers.GetCodeLength(group.Key);
            Assert.InRange(length, 2, 4);
            Assert.All(group, ai => Assert.Equal(length, ai.Code.Length));
        }
    }

    [Theory]
    [InlineData("00", 2)]
    [InlineData("23", 3)]
    [InlineData("25", 3)]
    [InlineData("31", 4)]
    [InlineData("41", 3)]
    [InlineData("43", 4)]
    [InlineData("70", 4)]
    [InlineData("71", 3)]
    [InlineData("72", 4)]
    [InlineData("80", 4)]
    [InlineData("99", 2)]
    [InlineData("04", 0)] // reserved, no identifier
    [InlineData("14", 0)]
    [InlineData("50", 0)]
    [InlineData("a1", 0)]
    [InlineData("7", 0)]
    public void GetCodeLength_GivesTheLengthOfTheIdentifiersStartingWithThesePrefixes(string prefix, int expected) =>
        Assert.Equal(expected, ApplicationIdentifiers.GetCodeLength(prefix));

    [Fact]
    public void PredefinedLengthFlag_FollowsThePrefixTableOfTheGeneralSpecifications()
    {
        // Figure 7.8.5-2: 00–04, 11–20, 31–36 and 41 are predefined; nothing else is.
        foreach (var ai in ApplicationIdentifiers.All)
        {
            int prefix = int.Parse(ai.Code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
            bool predefined = prefix <= 4 || (prefix >= 11 && prefix <= 20) || (prefix >= 31 && prefix <= 36) || prefix == 41;
            Assert.True(predefined == ai.IsPredefinedLength, ai.ToString());
            Assert.Equal(!predefined, ai.RequiresSeparator);
        }
    }

    [Theory]
    [InlineData("00")]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("03")]
    [InlineData("17")]
    [InlineData("20")]
    [InlineData("3103")]
    [InlineData("3695")]
    [InlineData("410")]
    [InlineData("417")]
    public void PredefinedLengthIdentifiers_AreFixedLength(string code)
    {
        var ai = ApplicationIdentifiers.Get(code);
        Assert.True(ai.IsPredefinedLength);
        Assert.True(ai.IsFixedLength);
    }

    [Fact]
    public void Gtin_HasAFixedLengthOf14WithACheckDigit()
    {
        var gtin = ApplicationIdentifiers.Get("01");

        Assert.Equal("GTIN", gtin.Title);
        var component = Assert.Single(gtin.Components);
        Assert.Equal(Gs1CharacterSet.Numeric, component.CharacterSet);
        Assert.Equal(14, component.MinLength);
        Assert.Equal(14, component.MaxLength);
        Assert.Equal([Gs1Linter.CheckDigit, Gs1Linter.GcpPosition2], component.Linters);
        Assert.True(gtin.IsPredefinedLength);
        Assert.True(gtin.HasCheckDigit);
        Assert.True(gtin.IsDigitalLinkPrimaryKey);
        Assert.Equal(["255", "37"], gtin.Exclusions);
        Assert.Empty(gtin.Requirements);
    }

    [Fact]
    public void Sscc_IsEighteenDigitsWithACheckDigitAndAPrimaryKey()
    {
        var sscc = ApplicationIdentifiers.Get("00");
        Assert.Equal("N18", Assert.Single(sscc.Components).ToString());
        Assert.True(sscc.HasCheckDigit);
        Assert.True(sscc.IsDigitalLinkPrimaryKey);
    }

    [Fact]
    public void Content_NeedsACountAndExcludesGtinAndMadeToOrderGtin()
    {
        var content = ApplicationIdentifiers.Get("02");
        Assert.Equal(["37"], content.Requirements);
        Assert.Equal(["01", "03"], content.Exclusions);
        Assert.False(content.IsDigitalLinkPrimaryKey);
    }

    [Fact]
    public void BatchLot_IsUpTo20Cset82CharactersAndNeedsATradeItemKey()
    {
        var batch = ApplicationIdentifiers.Get("10");

        Assert.Equal("BATCH/LOT", batch.Title);
        var component = Assert.Single(batch.Components);
        Assert.Equal(Gs1CharacterSet.Cset82, component.CharacterSet);
        Assert.Equal(1, component.MinLength);
        Assert.Equal(20, component.MaxLength);
        Assert.Equal("X..20", component.ToString());
        Assert.Empty(component.Linters);
        Assert.False(batch.IsPredefinedLength);
        Assert.True(batch.RequiresSeparator);
        Assert.Equal(["01|02|03|8006|8026"], batch.Requirements);
    }

    [Theory]
    [InlineData("11", Gs1Linter.DateOrDayZero)]
    [InlineData("12", Gs1Linter.DateOrDayZero)]
    [InlineData("13", Gs1Linter.DateOrDayZero)]
    [InlineData("15", Gs1Linter.DateOrDayZero)]
    [InlineData("16", Gs1Linter.DateOrDayZero)]
    [InlineData("17", Gs1Linter.DateOrDayZero)]
    [InlineData("4326", Gs1Linter.Date)]
    [InlineData("7006", Gs1Linter.Date)]
    public void Dates_AreSixDigitsWithTheirDateRule(string code, Gs1Linter rule)
    {
        var ai = ApplicationIdentifiers.Get(code);
        var component = Assert.Single(ai.Components);
        Assert.Equal("N6", component.ToString());
        Assert.Equal([rule], component.Linters);
        Assert.True(ai.HasDate);
    }

    [Fact]
    public void Expiry_NeedsATradeItemOrCouponKey()
    {
        var expiry = ApplicationIdentifiers.Get("17");
        Assert.Equal("USE BY or EXPIRY", expiry.Title);
        Assert.Equal(["01|02|03|255|8006|8026"], expiry.Requirements);
    }

    [Fact]
    public void Serial_NeedsAGtinOrItipAndExcludesTpx()
    {
        var serial = ApplicationIdentifiers.Get("21");
        Assert.Equal("X..20", Assert.Single(serial.Components).ToString());
        Assert.Equal(["01|03|8006"], serial.Requirements);
        Assert.Equal(["235"], serial.Exclusions);
    }

    [Fact]
    public void SecondarySerial_HasTwoSeparateRequirements()
    {
        var ai = ApplicationIdentifiers.Get("250");
        Assert.Equal(["01|8006", "21"], ai.Requirements);
        Assert.Equal(2, ai.RequirementRules.Length);
        Assert.Equal(new[] { new[] { AiPattern.Parse("01") }, new[] { AiPattern.Parse("8006") } }, ai.RequirementRules[0]);
        Assert.Equal(new[] { new[] { AiPattern.Parse("21") } }, ai.RequirementRules[1]);
    }

    [Fact]
    public void Gdti_HasAnOptionalSerialComponent()
    {
        var gdti = ApplicationIdentifiers.Get("253");

        Assert.Equal(2, gdti.Components.Count);
        Assert.Equal("N13", gdti.Components[0].ToString());
        Assert.Equal("[X..17]", gdti.Components[1].ToString());
        Assert.True(gdti.Components[1].IsOptional);
        Assert.Equal(13, gdti.MinLength);
        Assert.Equal(30, gdti.MaxLength);
        Assert.False(gdti.IsFixedLength);
        Assert.True(gdti.IsDigitalLinkPrimaryKey);
    }

    [Fact]
    public void NetWeight_ExcludesEveryOtherDecimalPositionOfTheSameMeasure()
    {
        var ai = ApplicationIdentifiers.Get("3103");

        Assert.Equal("NET WEIGHT (kg)", ai.Title);
        Assert.Equal("N6", Assert.Single(ai.Components).ToString());
        Assert.Equal(["01|02"], ai.Requirements);
        Assert.Equal(["310n"], ai.Exclusions);
        Assert.True(ai.IsPredefinedLength);
    }

    [Theory]
    [InlineData("3106")]
    [InlineData("3376")]
    [InlineData("3944")]
    [InlineData("3956")]
    [InlineData("4327")]
    [InlineData("4334")]
    [InlineData("7012")]
    [InlineData("7024")]
    [InlineData("7042")]
    [InlineData("717")]
    [InlineData("7243")]
    [InlineData("7260")]
    [InlineData("8015")]
    [InlineData("8016")]
    [InlineData("8021")]
    [InlineData("8031")]
    [InlineData("8113")]
    [InlineData("8201")]
    [InlineData("14")]
    [InlineData("19")]
    [InlineData("236")]
    [InlineData("252")]
    public void GapsInTheTable_AreNotIdentifiers(string code) =>
        Assert.False(ApplicationIdentifiers.TryFind(code, out _));

    [Fact]
    public void Count_NeedsAnSsccAndAContentOrItipContent()
    {
        var count = ApplicationIdentifiers.Get("37");
        Assert.Equal(["00", "02|8026"], count.Requirements);
        Assert.False(count.IsPredefinedLength);
    }

    [Fact]
    public void AmountWithCurrency_HasAnIso4217CodeThenTheAmount()
    {
        var ai = ApplicationIdentifiers.Get("3912");

        Assert.Equal(["N3", "N..15"], ai.Components.Select(c => c.ToString()));
        Assert.Equal([Gs1Linter.Iso4217], ai.Components[0].Linters);
        Assert.Equal(["8020"], ai.Requirements);
        Assert.Equal(["391n"], ai.Exclusions);
    }

    [Fact]
    public void Price_NeedsAGtinAndAVariableMeasure()
    {
        var price = ApplicationIdentifiers.Get("3925");
        Assert.Equal(["01", "30|31nn|32nn|35nn|36nn"], price.Requirements);
        Assert.Equal(["392n", "393n"], price.Exclusions);
    }

    [Fact]
    public void CountriesOfProcessing_AreOneToFiveIso3166Codes()
    {
        var ai = ApplicationIdentifiers.Get("423");

        Assert.Equal(5, ai.Components.Count);
        Assert.All(ai.Components, c => Assert.Equal([Gs1Linter.Iso3166], c.Linters));
        Assert.False(ai.Components[0].IsOptional);
        Assert.All(ai.Components.Skip(1), c => Assert.True(c.IsOptional));
        Assert.Equal(3, ai.MinLength);
        Assert.Equal(15, ai.MaxLength);
    }

    [Fact]
    public void ExpiryTime_HasTwoComponents()
    {
        var ai = ApplicationIdentifiers.Get("7003");

        Assert.Equal("EXPIRY TIME", ai.Title);
        Assert.Equal(2, ai.Components.Count);
        Assert.Equal([Gs1Linter.Date], ai.Components[0].Linters);
        Assert.Equal([Gs1Linter.HoursMinutes], ai.Components[1].Linters);
        Assert.Equal(10, ai.MinLength);
        Assert.True(ai.IsFixedLength);
        Assert.False(ai.IsPredefinedLength);
        Assert.Equal(["01|02"], ai.Requirements);
    }

    [Fact]
    public void ProductionTime_HasOptionalFinalMinutesAndSeconds()
    {
        var ai = ApplicationIdentifiers.Get("8008");

        Assert.Equal(["N6", "N2", "[N2]", "[N2]"], ai.Components.Select(c => c.ToString()));
        Assert.True(ai.Components[^1].IsOptional);
        Assert.Equal([Gs1Linter.Second], ai.Components[^1].Linters);
        Assert.Equal(8, ai.MinLength);
        Assert.Equal(12, ai.MaxLength);
    }

    [Theory]
    [InlineData("710", "NHRN PZN")]
    [InlineData("711", "NHRN CIP")]
    [InlineData("712", "NHRN CN")]
    [InlineData("713", "NHRN DRN")]
    [InlineData("714", "NHRN AIM")]
    [InlineData("715", "NHRN NDC")]
    [InlineData("716", "NHRN AIC")]
    public void NationalReimbursementNumbers_AreUpTo20CharactersWithAGtin(string code, string title)
    {
        var ai = ApplicationIdentifiers.Get(code);
        Assert.Equal(title, ai.Title);
        Assert.Equal("X..20", Assert.Single(ai.Components).ToString());
        Assert.Equal(["01"], ai.Requirements);
    }

    [Fact]
    public void Itip_IsAGtinWithPieceOfTotal()
    {
        var itip = ApplicationIdentifiers.Get("8006");

        Assert.Equal([[Gs1Linter.CheckDigit, Gs1Linter.GcpPosition2], [Gs1Linter.PieceOfTotal]], itip.Components.Select(c => c.Linters.ToArray()));
        Assert.Equal(18, itip.MinLength);
        Assert.Equal(["01", "37"], itip.Exclusions);
        Assert.True(itip.IsDigitalLinkPrimaryKey);
    }

    [Fact]
    public void Gmn_HasACheckCharacterPair()
    {
        var gmn = ApplicationIdentifiers.Get("8013");
        Assert.Equal([Gs1Linter.CheckCharacterPair, Gs1Linter.GcpPosition1], Assert.Single(gmn.Components).Linters);
        Assert.True(gmn.IsDigitalLinkPrimaryKey);
        Assert.False(gmn.HasCheckDigit);
    }

    [Fact]
    public void BirthSequence_NeedsARecipientAndABabyTogether()
    {
        var ai = ApplicationIdentifiers.Get("7258");
        Assert.Equal(["8018+7259"], ai.Requirements);
        var rule = Assert.Single(ai.RequirementRules);
        Assert.Equal(new[] { AiPattern.Parse("8018"), AiPattern.Parse("7259") }, Assert.Single(rule));
    }

    [Fact]
    public void DigitalSignature_IsBase64UrlAndNeedsASerialisedKey()
    {
        var ai = ApplicationIdentifiers.Get("8030");
        var component = Assert.Single(ai.Components);
        Assert.Equal(Gs1CharacterSet.Cset64, component.CharacterSet);
        Assert.Equal(90, component.MaxLength);
        Assert.Equal(["00|01+21|253|255|8003|8004|8006+21|8010+8011|8017|8018"], ai.Requirements);
    }

    [Fact]
    public void ComponentProductId_IsCset39()
    {
        var ai = ApplicationIdentifiers.Get("8010");
        Assert.Equal(Gs1CharacterSet.Cset39, Assert.Single(ai.Components).CharacterSet);
    }

    [Fact]
    public void DigitalLinkPrimaryKeys_AreExactlyTheOnesOfTheDictionary()
    {
        var keys = ApplicationIdentifiers.All.Where(ai => ai.IsDigitalLinkPrimaryKey).Select(ai => ai.Code);
        Assert.Equal(
            ["00", "01", "253", "255", "401", "402", "414", "415", "417", "8003", "8004", "8006", "8010", "8013", "8017", "8018"],
            keys);
    }

    [Fact]
    public void EveryRequirementAndExclusion_RefersToIdentifiersOfTheTable()
    {
        foreach (var ai in ApplicationIdentifiers.All)
        {
            var patterns = ai.Requirements.SelectMany(rule => rule.Split('|', '+')).Concat(ai.Exclusions);
            foreach (string pattern in patterns)
            {
                bool known = ApplicationIdentifiers.All.Any(other =>
                    other.Code.Length == pattern.Length
                    && other.Code.Zip(pattern).All(pair => pair.Second == 'n' || pair.First == pair.Second));
                Assert.True(known, $"{ai.Code} refers to {pattern}");
            }
        }
    }

    [Fact]
    public void EveryComponent_HasAPositiveLengthAndOnlyTrailingOptionals()
    {
        foreach (var ai in ApplicationIdentifiers.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(ai.Title), ai.Code);
            bool optionalSeen = false;
            foreach (var component in ai.Components)
            {
                Assert.InRange(component.MinLength, 1, component.MaxLength);
                Assert.False(optionalSeen && !component.IsOptional, ai.Code);
                optionalSeen |= component.IsOptional;
            }

            Assert.InRange(ai.MaxLength, 1, 90);
        }
    }

    [Theory]
    [InlineData("01")]
    [InlineData("7003")]
    [InlineData("235")]
    [InlineData("99")]
    public void TryFind_FindsAKnownIdentifier(string code)
    {
        Assert.True(ApplicationIdentifiers.TryFind(code, out var ai));
        Assert.Equal(code, ai.Code);
        Assert.Same(ApplicationIdentifiers.Get(code), ai);
    }

    [Theory]
    [InlineData("23")] // 23 only starts three-digit identifiers
    [InlineData("0")]
    [InlineData("")]
    [InlineData("99999")]
    [InlineData("ab")]
    [InlineData("0a")]
    [InlineData("700")] // 70 starts four-digit identifiers
    [InlineData("7000")]
    public void TryFind_FailsForAnythingElse(string code)
    {
        Assert.False(ApplicationIdentifiers.TryFind(code, out var ai));
        Assert.Null(ai);
    }

    [Fact]
    public void Get_ThrowsAClearKeyNotFoundException()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => ApplicationIdentifiers.Get("x"));
        Assert.Contains("'x'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not a GS1 application identifier", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsTheBracketedCodeAndTitle() =>
        Assert.Equal("(3103) NET WEIGHT (kg)", ApplicationIdentifiers.Get("3103").ToString());
}
