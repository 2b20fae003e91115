using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>How a webhook request is signed: HMAC-SHA256 over <c>timestamp + "." + body</c>, written <c>v1=hex</c>.</summary>
internal static class WebhookSignature
{
    /// <summary>The scheme's prefix in <see cref="WebhookHeaders.Signature"/>.</summary>
    public const string Scheme = "v1=";

    /// <summary>The signature header's value for a body sent at <paramref name="timestamp"/>.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The Unix time in seconds sent in <see cref="WebhookHeaders.Timestamp"/>.</param>
    /// <param name="body">The body's exact bytes.</param>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(Compute(Encoding.UTF8.GetBytes(secret), timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>The raw HMAC of <c>timestamp + "." + body</c>.</summary>
    public static byte[] Compute(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        byte[] signed = new byte[Encoding.ASCII.GetByteCount(timestamp) + 1 + body.Length];
        int written = Encoding.ASCII.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return HMACSHA256.HashData(key, signed);
    }
}
