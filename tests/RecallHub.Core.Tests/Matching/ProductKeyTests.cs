using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Matching;

public sealed class ProductKeyTests
{
    [Theory]
    [InlineData(CodeScheme.Cip13, "3400930270387")]
    [InlineData(CodeScheme.Cip13, "34009 302 703 8 7")]
    [InlineData(CodeScheme.Cip13, "3400930270387\u00a0")]
    [InlineData(CodeScheme.Gtin, "03400930270387")]
    [InlineData(CodeScheme.UdiDi, "03400930270387")]
    public void A_notice_code_of_the_GS1_family_is_keyed_as_its_GTIN_14(CodeScheme scheme, string code) =>
        Assert.Equal(Some.Gtin14, ProductKey.Of(scheme, code));

    [Fact]
    public void An_ACL13_is_keyed_as_its_GTIN_14() =>
        Assert.Equal("03401560012347", ProductKey.Of(CodeScheme.Acl13, "3401560012347"));

    [Fact]
    public void A_CIP13_in_the_notice_meets_the_GTIN_14_of_a_DataMatrix_scan() =>
        Assert.Equal(ProductKey.Of(CodeScheme.Cip13, Some.Cip13), ProductKey.Of(Some.Scan(Some.DataMatrix())));

    [Fact]
    public void A_plain_EAN_13_scan_is_keyed_as_its_GTIN_14() =>
        Assert.Equal(Some.Gtin14, ProductKey.Of(Some.Scan(Some.Cip13)));

    [Theory]
    [InlineData(CodeScheme.Cip13, "3400930270386")]
    [InlineData(CodeScheme.Gtin, "03400930270380")]
    [InlineData(CodeScheme.Gtin, "")]
    [InlineData(CodeScheme.Gtin, "not a code")]
    public void A_GTIN_with_a_wrong_check_digit_gives_no_key(CodeScheme scheme, string code) =>
        Assert.Null(ProductKey.Of(scheme, code));

    [Theory]
    [InlineData(CodeScheme.Cip7, "3027038")]
    [InlineData(CodeScheme.Acl7, "5600123")]
    [InlineData(CodeScheme.Reference, "REF-1234")]
    public void Legacy_codes_and_references_cannot_be_matched_against_scans(CodeScheme scheme, string code)
    {
        Assert.Null(ProductKey.Of(scheme, code));
        Assert.False(ProductKey.IsMatchable(scheme));
    }

    [Theory]
    [InlineData("A123BJC5D6E71")]
    [InlineData("+A123BJC5D6E71")]
    [InlineData("a123 bjc5d6e7 1")]
    public void A_HIBCC_notice_code_meets_the_UDI_DI_of_a_HIBCC_scan(string code)
    {
        var scan = Some.Scan("+A123BJC5D6E71/$$52001510X3C");

        Assert.Equal("HIBCC:A123BJC5D6E71", ProductKey.Of(CodeScheme.Hibcc, code));
        Assert.Equal("HIBCC:A123BJC5D6E71", ProductKey.Of(scan));
    }

    [Fact]
    public void A_PPN_notice_code_meets_the_PPN_of_an_IFA_scan()
    {
        var scan = Some.Scan("[)>\u001e06\u001d9N110375286414\u001d1T12345ABCD\u001e\u0004");

        Assert.Equal("PPN:110375286414", ProductKey.Of(CodeScheme.Ppn, "110375286414"));
        Assert.Equal("PPN:110375286414", ProductKey.Of(scan));
    }

    [Fact]
    public void A_legacy_seven_digit_scan_names_no_product()
    {
        Assert.Null(ProductKey.Of(Some.Scan("3027038")));
        Assert.Null(PackIdentity.From(Some.Scan("3027038")));
    }

    [Fact]
    public void A_DataMatrix_scan_gives_the_pack_identity()
    {
        var pack = PackIdentity.From(Some.Scan(Some.DataMatrix()));

        Assert.Equal(new PackIdentity(Some.Gtin14, "A53014", "7GH29KXW41Q", Some.Date(2028, 2, 29)), pack);
    }

    [Fact]
    public void A_HIBCC_scan_gives_its_lot_and_expiry()
    {
        var pack = PackIdentity.From(Some.Scan("+A123BJC5D6E71/$$52001510X3C"));

        Assert.Equal(new PackIdentity("HIBCC:A123BJC5D6E71", "10X3", null, Some.Date(2020, 1, 15)), pack);
    }
}
