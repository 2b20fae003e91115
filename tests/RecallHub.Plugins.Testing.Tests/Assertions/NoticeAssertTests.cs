using RecallHub.Abstractions.Notices;

namespace RecallHub.Plugins.Testing.Tests.Assertions;

public sealed class NoticeAssertTests
{
    [Fact]
    public void SomeNotices_AreWellFormed()
    {
        NoticeAssert.WellFormed([Some.Notice(), Some.Notice(), Some.LowConfidenceNotice(), Some.Notice() with { Kind = NoticeKind.Information, Products = [] }]);
    }

    [Fact]
    public void NoticeWithoutProducts_IsCaught_UnlessFlaggedLowConfidence()
    {
        var notice = Some.Notice() with { Products = [] };

        var e = Assert.Throws<PluginAssertionException>(() => NoticeAssert.HaveProducts([notice]));

        Assert.Contains($"test-source/{notice.SourceId} v1: no product", e.Message, StringComparison.Ordinal);
        NoticeAssert.HaveProducts([notice with { IsLowConfidence = true }]);
    }

    [Theory]
    [InlineData(CodeScheme.Cip13, "3400930270386")]
    [InlineData(CodeScheme.Gtin, "03400930270380")]
    [InlineData(CodeScheme.Acl13, "3401560012348")]
    public void CodeWithABadCheckDigit_IsCaught(CodeScheme scheme, string code)
    {
        var notice = Some.Notice() with { Products = [new RecalledProduct(scheme, code, null, LotSelector.All)] };

        var e = Assert.Throws<PluginAssertionException>(() => NoticeAssert.HaveValidCodes([notice]));

        Assert.Contains($"products[0] {scheme} '{code}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllValid_ReportsTheHubsProblemsWithTheirPaths()
    {
        var notice = Some.Notice() with { Title = " ", PublishedAt = default };

        var e = Assert.Throws<PluginAssertionException>(() => NoticeAssert.AllValid([notice]));

        Assert.Contains("$.title", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.published_at", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameKeyWithDifferentContents_IsCaught()
    {
        var notice = Some.Notice();

        var e = Assert.Throws<PluginAssertionException>(() => NoticeAssert.NoConflictingDuplicates([notice, notice with { Title = "Autre titre" }]));

        Assert.Contains("given 2 times with different contents (title", e.Message, StringComparison.Ordinal);
        NoticeAssert.NoConflictingDuplicates([notice, notice]);
    }

    [Fact]
    public void SecondRunWithOtherNotices_IsNotIdempotent()
    {
        var a = Some.Notice();
        var b = Some.Notice();

        var e = Assert.Throws<PluginAssertionException>(() =>
            NoticeAssert.SameNotices([a, b], [a with { PublishedAt = a.PublishedAt.AddSeconds(1) }, Some.Notice()]));

        Assert.Contains($"{a.SourceId} v1: different the second time: published_at", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{b.SourceId} v1: given by the first run, missing from the second", e.Message, StringComparison.Ordinal);
        Assert.Contains("given by the second run only", e.Message, StringComparison.Ordinal);
        NoticeAssert.SameNotices([a, b], [b, a]);
    }

    [Fact]
    public void WellFormed_ReportsEveryProblemAtOnce()
    {
        var e = Assert.Throws<PluginAssertionException>(() => NoticeAssert.WellFormed([
            Some.Notice() with { Products = [] },
            Some.Notice() with { Products = [new RecalledProduct(CodeScheme.Cip13, "3400930270386", null, LotSelector.All)] },
        ]));

        Assert.Contains("no product", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not a CIP13", e.Message, StringComparison.Ordinal);
    }
}
