using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public sealed class ProductKeysTests
{
    private static readonly BarcodeReaderOptions Options = new() { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)) };

    // Regression: the store keyed HIBCC as "hibcc:…" and PPN as "ppn:…" while the matcher used "HIBCC:…"/"PPN:…", so a
    // device recall found none of the stored packs. Both now share one key per product.
    [Theory]
    [InlineData("]d2010340093027038717280229" + "10A53014", CodeScheme.Cip13, "3400930270387")]
    [InlineData("+A123BJC5D6E71G", CodeScheme.Hibcc, "A123BJC5D6E71")]
    [InlineData("[)>\u001e06\u001d9N110375286414\u001e\u0004", CodeScheme.Ppn, "110375286414")]
    public void AScanAndTheNoticeNamingItsProduct_GetTheSameKey_InTheStoreAndTheMatcher(string scan, CodeScheme scheme, string code)
    {
        var reading = BarcodeReader.Read(scan, Options);

        string? stored = ProductKeys.Of(reading);

        Assert.NotNull(stored);
        Assert.Equal(stored, ProductKeys.Of(scheme, code));
        Assert.Equal(stored, ProductKey.Of(reading));
        Assert.Equal(stored, ProductKey.Of(scheme, code));
    }

    [Theory]
    [InlineData(CodeScheme.Cip7, "3027038", "cip7:3027038")]
    [InlineData(CodeScheme.Reference, " REF-42 ", "reference:REF-42")]
    [InlineData(CodeScheme.Cip13, "3400930270386", "cip13:3400930270386")]
    public void UnmatchableProducts_AreStoredUnderSchemeAndCode(CodeScheme scheme, string code, string key)
    {
        Assert.Null(ProductKey.Of(scheme, code));
        Assert.Equal(key, ProductKeys.Of(scheme, code));
    }
}
