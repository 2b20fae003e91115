using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>
/// Checks, on the LGO's side, that a webhook request comes from this hub: the HMAC-SHA256 in
/// <see cref="WebhookHeaders.Signature"/> over <c>timestamp + "." + body</c> with the shared secret, a timestamp within
/// <see cref="Tolerance"/> of the receiver's clock.
/// </summary>
/// <remarks>
/// <para>Verify the body's exact bytes, before parsing them. Compare nothing yourself: the comparison here takes the
/// same time whatever the bytes.</para>
/// <para>Replays: a request captured and sent again later than the window is refused here. Within the window, a copy
/// can only repeat the same event (the body is signed), and the receiver applies each
/// <see cref="WebhookHeaders.IdempotencyKey"/> once — which it must do anyway, because the hub itself sends an event
/// again when an answer is lost, possibly within the same second and so byte for byte. A memory of signatures here
/// would refuse those honest retries.</para>
/// <para>Thread-safe and stateless: one instance serves every request.</para>
/// </remarks>
public sealed class WebhookSignatureVerifier
{
    /// <summary>The default tolerance between the request's timestamp and the receiver's clock: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier for one shared secret.</summary>
    /// <param name="secret">The secret set as the sink's <c>webhook_secret</c>.</param>
    /// <param name="time">The receiver's clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="tolerance">How far a timestamp may be from the clock, either way; <see cref="DefaultTolerance"/> when <see langword="null"/>.</param>
    public WebhookSignatureVerifier(string secret, TimeProvider? time = null, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
        _time = time ?? TimeProvider.System;
        Tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Tolerance, TimeSpan.Zero, nameof(tolerance));
    }

    /// <summary>How far a request's timestamp may be from the receiver's clock, either way.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Checks one request.</summary>
    /// <param name="timestamp">The value of <see cref="WebhookHeaders.Timestamp"/>.</param>
    /// <param name="signature">The value of <see cref="WebhookHeaders.Signature"/>.</param>
    /// <param name="body">The body's exact bytes.</param>
    /// <returns><see cref="WebhookVerification.Valid"/>, or why the request must be refused (answer 401).</returns>
    public WebhookVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return WebhookVerification.MissingHeaders;
        }

        timestamp = timestamp.Trim();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return WebhookVerification.Malformed;
        }

        var candidates = new List<byte[]>();
        foreach (string part in signature.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith(WebhookSignature.Scheme, StringComparison.Ordinal))
            {
                continue;
            }

            string hex = part[WebhookSignature.Scheme.Length..];
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            {
                return WebhookVerification.Malformed;
            }

            candidates.Add(Convert.FromHexString(hex));
        }

        if (candidates.Count == 0)
        {
            return WebhookVerification.Malformed;
        }

        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Tolerance.TotalSeconds)
        {
            return WebhookVerification.OutsideTimeWindow;
        }

        byte[] expected = WebhookSignature.Compute(_key, timestamp, body);
        // Every candidate is compared, so the time taken does not say which one matched.
        bool matches = false;
        foreach (byte[] candidate in candidates)
        {
            matches |= CryptographicOperations.FixedTimeEquals(candidate, expected);
        }

        return matches ? WebhookVerification.Valid : WebhookVerification.SignatureMismatch;
    }
}
