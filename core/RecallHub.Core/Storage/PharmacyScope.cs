using RecallHub.Core.Tenancy;

namespace RecallHub.Core.Storage;

/// <summary>
/// Whose data a store session sees: the one pharmacy of a single-pharmacy hub, one pharmacy of a hub serving several
/// (by its FINESS number), or all of them for the hub's own jobs (matching a new recall, delivering events).
/// </summary>
/// <remarks>
/// Recalls, source checkpoints, plugin state and the outbox are shared by every pharmacy. Scans, pack states, blocks,
/// acknowledgements, actions, closures, the audit log and user accounts belong to one pharmacy: a session for a
/// pharmacy reads and writes only that pharmacy's rows; a session for all pharmacies reads every pharmacy's rows, each
/// carrying its <c>Pharmacy</c>, and writes a pharmacy's row only where the row names it (a block placed for a holding).
/// The default value is <see cref="Single"/>.
/// </remarks>
public readonly record struct PharmacyScope
{
    private const string AllKey = "*";
    private readonly string? _key;

    private PharmacyScope(string key) => _key = key;

    /// <summary>The one pharmacy of a single-pharmacy hub (the SQLite default). Its rows have the pharmacy <c>""</c>.</summary>
    public static PharmacyScope Single => default;

    /// <summary>Every pharmacy, for the hub's own jobs.</summary>
    public static PharmacyScope All { get; } = new(AllKey);

    /// <summary>One pharmacy of a hub serving several.</summary>
    /// <param name="finess">The pharmacy's FINESS number.</param>
    public static PharmacyScope Of(FinessNumber finess) => new(finess.Value);

    /// <summary>Reads the pharmacy key kept on rows: <c>""</c> for <see cref="Single"/>, else a FINESS number.</summary>
    /// <param name="pharmacy">The key.</param>
    /// <exception cref="FormatException">The key is neither empty nor a FINESS number.</exception>
    public static PharmacyScope OfKey(string? pharmacy) =>
        string.IsNullOrEmpty(pharmacy) ? Single : Of(FinessNumber.Parse(pharmacy));

    /// <summary><see langword="true"/> for the hub's all-pharmacies scope.</summary>
    public bool IsAll => _key == AllKey;

    /// <summary><see langword="true"/> for the single-pharmacy hub's scope.</summary>
    public bool IsSingle => string.IsNullOrEmpty(_key);

    /// <summary>
    /// The pharmacy key the scope's rows carry: <c>""</c> for <see cref="Single"/>, the FINESS number otherwise.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scope is <see cref="All"/>, which is no one pharmacy.</exception>
    public string Pharmacy => IsAll
        ? throw new InvalidOperationException("A session for all pharmacies has no pharmacy of its own: rows written in it must name theirs.")
        : _key ?? "";

    /// <summary>The FINESS number of a one-pharmacy scope of a multi-pharmacy hub; <see langword="null"/> otherwise.</summary>
    public string? Finess => IsAll || IsSingle ? null : _key;

    /// <inheritdoc />
    public override string ToString() => IsAll ? "all pharmacies" : IsSingle ? "the pharmacy" : $"pharmacy {_key}";
}
