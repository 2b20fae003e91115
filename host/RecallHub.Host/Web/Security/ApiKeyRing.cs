using System.Security.Cryptography;
using System.Text;
using RecallHub.Core.Tenancy;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Web.Security;

/// <summary>
/// The API keys the hub accepts, read from configuration:
/// <c>Hub:ApiKeys:N:Name</c>, <c>Hub:ApiKeys:N:Key</c> (or <c>KeySha256</c>, the hex SHA-256 of the key, so the
/// configuration file holds no usable key), <c>Hub:ApiKeys:N:Scopes</c> (<c>scan</c>, <c>check</c>, <c>admin</c>,
/// <c>patients</c>) and, optionally, <c>Hub:ApiKeys:N:Pharmacy</c>: the FINESS number of the pharmacy the key acts for.
/// </summary>
internal sealed class ApiKeyRing
{
    /// <summary>Keys shorter than this are refused: they can be guessed.</summary>
    public const int MinimumKeyLength = 24;

    private readonly IReadOnlyList<ApiKey> _keys;

    public ApiKeyRing(IReadOnlyList<ApiKey> keys) => _keys = keys;

    public int Count => _keys.Count;

    /// <summary>Reads the keys; a wrong entry stops the start with a message naming the entry.</summary>
    /// <param name="configuration">The hub's settings.</param>
    /// <param name="tenancy">
    /// The hub's pharmacies, to check the pharmacy each key names; <see langword="null"/> (a host without a store)
    /// checks only that it is a FINESS number.
    /// </param>
    /// <exception cref="InvalidOperationException">
    /// An entry without a name or key, a short key, an unknown scope, a pharmacy that is no FINESS number or that this
    /// hub does not serve.
    /// </exception>
    public static ApiKeyRing From(IConfiguration configuration, HubTenancy? tenancy = null)
    {
        var keys = new List<ApiKey>();
        foreach (var entry in configuration.GetSection("Hub:ApiKeys").GetChildren())
        {
            string at = $"Hub:ApiKeys:{entry.Key}";
            string name = entry["Name"] is { Length: > 0 } n ? n : throw new InvalidOperationException($"{at}:Name is required.");
            byte[] hash;
            if (entry["Key"] is { } key)
            {
                hash = key.Length >= MinimumKeyLength
                    ? SHA256.HashData(Encoding.UTF8.GetBytes(key))
                    : throw new InvalidOperationException($"{at}:Key of '{name}' is too short: use at least {MinimumKeyLength} random characters.");
            }
            else if (entry["KeySha256"] is { Length: 64 } hex)
            {
                hash = Convert.FromHexString(hex);
            }
            else
            {
                throw new InvalidOperationException($"{at} ('{name}') needs Key or KeySha256 (64 hex characters).");
            }

            var scopes = entry.GetSection("Scopes").GetChildren().Select(s => s.Value ?? "").ToHashSet(StringComparer.Ordinal);
            if (scopes.Count == 0 || !scopes.IsSubsetOf(ApiScope.All))
            {
                throw new InvalidOperationException($"{at}:Scopes of '{name}' must list some of: {string.Join(", ", ApiScope.All)}.");
            }

            FinessNumber? pharmacy = null;
            if (entry["Pharmacy"] is { Length: > 0 } finess)
            {
                pharmacy = FinessNumber.TryParse(finess, out var number, out string? error)
                    ? number
                    : throw new InvalidOperationException($"{at}:Pharmacy of '{name}': {error}");
                tenancy?.CheckKeyPharmacy(at, name, number);
            }

            keys.Add(new ApiKey(name, hash, scopes, pharmacy));
        }

        return new ApiKeyRing(keys);
    }

    /// <summary>Finds the key's entry, comparing hashes in constant time.</summary>
    public ApiKey? Find(string presented)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKey? found = null;
        foreach (var key in _keys)
        {
            // No early exit: the time taken does not tell which entry matched.
            if (CryptographicOperations.FixedTimeEquals(hash, key.KeyHash))
            {
                found = key;
            }
        }

        return found;
    }
}
