using System.Globalization;
using System.Text;
using RecallHub.Sinks.Lgo.Tests.Support;
using RecallHub.Sinks.Lgo.Webhook;

namespace RecallHub.Sinks.Lgo.Tests.Webhook;

public sealed class WebhookSignatureVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"schema_version":1,"event_id":"e1","type":"stock_blocked"}""");

    private static (string Timestamp, string Signature) Signed(DateTimeOffset at, byte[]? body = null, string secret = Some.Secret)
    {
        long seconds = at.ToUnixTimeSeconds();
        return (seconds.ToString(CultureInfo.InvariantCulture), WebhookSignature.Sign(secret, seconds, body ?? Body));
    }

    [Fact]
    public void ARequestSignedWithTheSecret_IsValid()
    {
        var verifier = new WebhookSignatureVerifier(Some.Secret, Some.Clock());
        var (timestamp, signature) = Signed(Some.Now);

        Assert.Equal(WebhookVerification.Valid, verifier.Verify(timestamp, signature, Body));
        Assert.Matches("^v1=[0-9a-f]{64}$", signature);
    }

    [Fact]
    public void TheSignature_IsTheHmacOfTimestampDotBody()
    {
        // Worked example of docs/lgo-integration.md, computed independently of the sink's code.
        byte[] expected = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Some.Secret), Encoding.UTF8.GetBytes("1795339800." + Encoding.UTF8.GetString(Body)));

        Assert.Equal("v1=" + Convert.ToHexStringLower(expected), WebhookSignature.Sign(Some.Secret, 1795339800, Body));
    }

    [Fact]
    public void TheWorkedExampleOfTheIntegrationGuide_Verifies()
    {
        // docs/lgo-integration.md, "Verifying the signature": keep both in step.
        var verifier = new WebhookSignatureVerifier("example-secret-do-not-use-0123456789", Some.Clock());
        byte[] body = Encoding.UTF8.GetBytes("""{"schema_version":1,"event_id":"0193a0c1d2e34f5a8b7c6d5e4f3a2b1c","type":"stock_blocked"}""");

        Assert.Equal(
            WebhookVerification.Valid,
            verifier.Verify("1795339800", "v1=45769e48e32c1a5f8c8ec0aeefd9cfac908e1b557a2a36adc5b5fc889e8b98fb", body));
    }

    [Fact]
    public void AChangedBodyOrTimestampOrAnotherSecret_IsAMismatch()
    {
        var verifier = new WebhookSignatureVerifier(Some.Secret, Some.Clock());
        var (timestamp, signature) = Signed(Some.Now);
        var (_, otherSecret) = Signed(Some.Now, secret: "another-secret-of-the-right-length");

        Assert.Equal(WebhookVerification.SignatureMismatch, verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes("""{"schema_version":1,"event_id":"e2","type":"stock_blocked"}""")));
        Assert.Equal(WebhookVerification.SignatureMismatch, verifier.Verify((Some.Now.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture), signature, Body));
        Assert.Equal(WebhookVerification.SignatureMismatch, verifier.Verify(timestamp, otherSecret, Body));
    }

    [Fact]
    public void AnExpiredTimestamp_IsRefused_EvenWithAGoodSignature()
    {
        var clock = Some.Clock();
        var verifier = new WebhookSignatureVerifier(Some.Secret, clock);
        var (timestamp, signature) = Signed(Some.Now);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(WebhookVerification.OutsideTimeWindow, verifier.Verify(timestamp, signature, Body));
    }

    [Fact]
    public void ATimestampFromTheFuture_IsRefused()
    {
        var verifier = new WebhookSignatureVerifier(Some.Secret, Some.Clock(), TimeSpan.FromMinutes(1));
        var (timestamp, signature) = Signed(Some.Now.AddMinutes(2));

        Assert.Equal(WebhookVerification.OutsideTimeWindow, verifier.Verify(timestamp, signature, Body));
    }

    [Fact]
    public void ARequestReplayedAfterTheWindow_IsRefused()
    {
        var clock = Some.Clock();
        var verifier = new WebhookSignatureVerifier(Some.Secret, clock);
        var (timestamp, signature) = Signed(Some.Now);
        Assert.Equal(WebhookVerification.Valid, verifier.Verify(timestamp, signature, Body));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(WebhookVerification.OutsideTimeWindow, verifier.Verify(timestamp, signature, Body));
    }

    [Fact]
    public void AnIdenticalRetryWithinTheWindow_IsValid_TheIdempotencyKeyDedupes()
    {
        // The hub may send an event twice within one second (a 503, then a quick retry): byte for byte the same.
        var verifier = new WebhookSignatureVerifier(Some.Secret, Some.Clock());
        var (timestamp, signature) = Signed(Some.Now);

        Assert.Equal(WebhookVerification.Valid, verifier.Verify(timestamp, signature, Body));
        Assert.Equal(WebhookVerification.Valid, verifier.Verify(timestamp, signature, Body));
    }

    [Theory]
    [InlineData(null, "v1=00")]
    [InlineData("1795339800", null)]
    [InlineData("", " ")]
    public void MissingHeaders_AreRefused(string? timestamp, string? signature) =>
        Assert.Equal(WebhookVerification.MissingHeaders, new WebhookSignatureVerifier(Some.Secret, Some.Clock()).Verify(timestamp, signature, Body));

    [Theory]
    [InlineData("2026-11-22T09:30:00Z", "v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("-1795339800", "v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1795339800", "sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1795339800", "v1=xyz")]
    public void MalformedHeaders_AreRefused(string timestamp, string signature) =>
        Assert.Equal(WebhookVerification.Malformed, new WebhookSignatureVerifier(Some.Secret, Some.Clock()).Verify(timestamp, signature, Body));

    [Fact]
    public void OneOfSeveralSignatures_Matching_IsValid_ForSecretRotation()
    {
        var verifier = new WebhookSignatureVerifier(Some.Secret, Some.Clock());
        var (timestamp, signature) = Signed(Some.Now);
        var (_, old) = Signed(Some.Now, secret: "the-previous-secret-0123456789");

        Assert.Equal(WebhookVerification.Valid, verifier.Verify(timestamp, old + ", " + signature, Body));
    }
}
