namespace RecallHub.Core.Storage;

/// <summary>
/// Recomputes an audit chain entry by entry, oldest first, whatever the store: each entry must name the previous
/// entry's hash and hash to its own. Stores read the entries in pages and feed them here.
/// </summary>
internal sealed class AuditChainWalk
{
    private string _previous = AuditChain.Genesis;
    private long _checked;

    /// <summary>Starts a new chain (another pharmacy's), keeping the count.</summary>
    public void Restart() => _previous = AuditChain.Genesis;

    /// <summary>
    /// Checks the next entry, given as stored (<paramref name="at"/> as hashed, <see cref="StoreValues.Instant"/>); the
    /// failure when it breaks the chain, else <see langword="null"/>.
    /// </summary>
    public AuditChainVerification? Next(long id, string at, string actor, string action, string subject, string? details, string? previousHash, string? hash)
    {
        _checked++;
        if (previousHash != _previous)
        {
            string expected = _previous == AuditChain.Genesis ? "the start of the chain" : $"the hash of the entry before it ({_previous[..12]}…)";
            return new AuditChainVerification(_checked, id, $"its previous hash does not match {expected}: an entry before it was removed, or it was inserted or altered");
        }

        string computed = AuditChain.Hash(_previous, id, at, actor, action, subject, details);
        if (hash != computed)
        {
            return new AuditChainVerification(_checked, id, "its content does not match its hash: it was altered after it was written");
        }

        _previous = computed;
        return null;
    }

    /// <summary>The result once every entry was checked.</summary>
    public AuditChainVerification Success() => new(_checked, null, null);
}
