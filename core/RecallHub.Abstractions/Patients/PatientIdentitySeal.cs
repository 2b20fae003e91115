using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RecallHub.Abstractions.Patients;

/// <summary>
/// Seals a <see cref="PatientIdentity"/> with the pharmacy's patient key (AES-256-GCM) so that it can be stored and
/// forwarded without anyone reading it, and opens it again with the same key.
/// </summary>
/// <remarks>
/// <para>Format, version 1: <c>v1.</c> then the standard base64 of nonce (12 bytes) | ciphertext | tag (16 bytes).
/// The plaintext is the identity as UTF-8 JSON (<c>ins</c>, <c>family_name</c>, <c>given_names</c>,
/// <c>birth_date</c>). The associated data is the UTF-8 of <c>boundTo</c> — the hub binds a patient to the raw code
/// of the scan that carried it — so a seal copied onto another scan does not open.</para>
/// <para>The key is 32 random bytes, given to the hub as base64 (<c>Hub:PatientIdentityKey</c>) and to a plugin that
/// must read identities through its own settings; it is never stored in a database. Instances are immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class PatientIdentitySeal
{
    /// <summary>The prefix of a version 1 seal.</summary>
    public const string Version1Prefix = "v1.";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    /// <summary>Creates a seal with a 32-byte key.</summary>
    /// <param name="key">The patient key: 32 random bytes.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public PatientIdentitySeal(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"The patient key must be {KeySize} bytes (AES-256); this one has {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
        KeyCheck = Convert.ToHexStringLower(HMACSHA256.HashData(_key, "RecallHub patient key check v1"u8)[..16]);
    }

    /// <summary>
    /// A value that tells keys apart without revealing them (the first 16 bytes of an HMAC of a fixed text, in hex):
    /// store it to recognise later that another key is in use.
    /// </summary>
    public string KeyCheck { get; }

    /// <summary>Creates a seal from the key written in base64 (as in configuration).</summary>
    /// <param name="base64">The base64 of 32 bytes.</param>
    /// <exception cref="FormatException">Not base64, or not 32 bytes; the message says which (never the key).</exception>
    public static PatientIdentitySeal FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new FormatException("The patient key is not base64: write 32 random bytes in base64 (openssl rand -base64 32).", e);
        }

        return key.Length == KeySize
            ? new PatientIdentitySeal(key)
            : throw new FormatException($"The patient key must be 32 bytes in base64 (openssl rand -base64 32); it is {key.Length} bytes.");
    }

    /// <summary>Seals an identity, bound to <paramref name="boundTo"/>.</summary>
    /// <param name="identity">The identity.</param>
    /// <param name="boundTo">What the identity belongs to (the scan's raw code); needed again to open it.</param>
    /// <returns>The seal, <c>v1.…</c>; two seals of the same identity differ (random nonce).</returns>
    public string Seal(PatientIdentity identity, string boundTo)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(boundTo);
        byte[] plaintext = JsonSerializer.SerializeToUtf8Bytes(identity, PatientJsonContext.Default.PatientIdentity);
        byte[] sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(boundTo));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return Version1Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Opens a seal made with this key for <paramref name="boundTo"/>.</summary>
    /// <param name="seal">The seal, <c>v1.…</c>.</param>
    /// <param name="boundTo">What it was bound to when sealed.</param>
    /// <exception cref="FormatException">Not a version 1 seal.</exception>
    /// <exception cref="CryptographicException">Another key, another <paramref name="boundTo"/>, or altered.</exception>
    public PatientIdentity Open(string seal, string boundTo)
    {
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(boundTo);
        if (!seal.StartsWith(Version1Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"Not a patient seal of a known version: it must start with '{Version1Prefix}'.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(seal[Version1Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new FormatException("The patient seal is not base64 after 'v1.'.", e);
        }

        if (sealedBytes.Length < NonceSize + TagSize + 2)
        {
            throw new FormatException("The patient seal is too short to hold a nonce, an identity and a tag.");
        }

        int length = sealedBytes.Length - NonceSize - TagSize;
        byte[] plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plaintext, Encoding.UTF8.GetBytes(boundTo));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException("The patient seal does not open: it was made with another key, for another scan, or it was altered.", e);
        }

        try
        {
            return JsonSerializer.Deserialize(plaintext, PatientJsonContext.Default.PatientIdentity)
                ?? throw new CryptographicException("The patient seal opened but holds no identity.");
        }
        catch (JsonException e)
        {
            throw new CryptographicException("The patient seal opened but does not hold an identity in the expected form.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>
    /// A key derived from the patient key for another purpose (HKDF-SHA256, info <c>"RecallHub " + purpose</c>), such
    /// as a keyed hash of the INS that finds a patient's records without opening any seal.
    /// </summary>
    /// <param name="purpose">What the key is for; different purposes give unrelated keys.</param>
    /// <returns>32 bytes.</returns>
    public byte[] DeriveKey(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, KeySize, salt: [], info: Encoding.UTF8.GetBytes("RecallHub " + purpose));
    }
}
