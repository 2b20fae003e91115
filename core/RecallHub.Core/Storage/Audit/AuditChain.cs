using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecallHub.Core.Storage;

/// <summary>
/// How audit entries are chained: each entry's hash is SHA-256 over the previous entry's hash and its own content, so
/// that changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of one entry, as lower-case hex.</summary>
    /// <param name="previousHash">The previous entry's hash, or <see cref="Genesis"/>.</param>
    /// <param name="id">The entry's id: part of the content, so that entries cannot be renumbered.</param>
    /// <param name="at">The instant exactly as stored (fixed-width UTC text), so that hashing never depends on parsing.</param>
    /// <param name="actor">Who.</param>
    /// <param name="action">What.</param>
    /// <param name="subject">On what.</param>
    /// <param name="details">Anything else, or <see langword="null"/> (hashed differently from an empty text).</param>
    public static string Hash(string previousHash, long id, string at, string actor, string action, string subject, string? details)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var text = new StringBuilder("recallhub.audit.v1\n");

        // Length-prefixed fields: no separator inside a value can make two different entries hash alike.
        foreach (string? field in (string?[])[previousHash, id.ToString(CultureInfo.InvariantCulture), at, actor, action, subject, details])
        {
            text.Append(field is null ? "-1:" : field.Length.ToString(CultureInfo.InvariantCulture) + ":").Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
