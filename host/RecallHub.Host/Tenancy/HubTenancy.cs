using RecallHub.Core.Storage;
using RecallHub.Core.Tenancy;

namespace RecallHub.Host.Tenancy;

/// <summary>
/// Which pharmacies the hub serves, from its store and its configuration: one (the SQLite file's, optionally named by
/// <c>Hub:Pharmacy</c>), or those listed in <c>Hub:Pharmacies</c> when the store keeps several apart (PostgreSQL).
/// </summary>
/// <remarks>
/// Every piece of the host that reads or writes one pharmacy's data (API keys, dashboard accounts, the digest, the
/// command line's <c>--pharmacy</c>) asks this for the session scope, so that a single-pharmacy hub keeps
/// <see cref="PharmacyScope.Single"/> everywhere and a multi-pharmacy hub never falls back to one by default.
/// </remarks>
internal sealed class HubTenancy
{
    /// <summary>The optional FINESS number of a single-pharmacy hub's pharmacy.</summary>
    public const string PharmacySetting = "Hub:Pharmacy";

    /// <summary>The pharmacies of a multi-pharmacy hub: <c>Hub:Pharmacies:N:Finess</c> and <c>:Name</c>.</summary>
    public const string PharmaciesSection = "Hub:Pharmacies";

    private HubTenancy(bool multiPharmacy, FinessNumber? singlePharmacy, IReadOnlyList<HubPharmacy> pharmacies)
    {
        IsMultiPharmacy = multiPharmacy;
        SinglePharmacy = singlePharmacy;
        Pharmacies = pharmacies;
    }

    /// <summary>A single-pharmacy hub with no <c>Hub:Pharmacy</c>: today's default.</summary>
    public static HubTenancy Single { get; } = new(false, null, []);

    /// <summary><see langword="true"/> when the store keeps several pharmacies apart.</summary>
    public bool IsMultiPharmacy { get; }

    /// <summary>In a single-pharmacy hub, its pharmacy's FINESS number when <c>Hub:Pharmacy</c> gives it.</summary>
    public FinessNumber? SinglePharmacy { get; }

    /// <summary>In a multi-pharmacy hub, the pharmacies it serves, in configuration order; empty otherwise.</summary>
    public IReadOnlyList<HubPharmacy> Pharmacies { get; }

    /// <summary>Reads and checks the pharmacies' settings against the store.</summary>
    /// <param name="configuration">The hub's settings.</param>
    /// <param name="multiPharmacy">The store's <see cref="IRecallHubStore.IsMultiPharmacy"/>.</param>
    /// <exception cref="InvalidOperationException">A setting is wrong or does not fit the store; the message names it.</exception>
    public static HubTenancy Read(IConfiguration configuration, bool multiPharmacy)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        FinessNumber? single = null;
        if (configuration[PharmacySetting] is { Length: > 0 } text)
        {
            if (multiPharmacy)
            {
                throw new InvalidOperationException(
                    $"{PharmacySetting} names the one pharmacy of a single-pharmacy (SQLite) hub; this hub's store keeps several pharmacies: list them in {PharmaciesSection}:N:Finess instead.");
            }

            single = FinessNumber.TryParse(text, out var number, out string? error)
                ? number
                : throw new InvalidOperationException($"{PharmacySetting}: {error}");
        }

        var pharmacies = new List<HubPharmacy>();
        foreach (var entry in configuration.GetSection(PharmaciesSection).GetChildren())
        {
            string at = $"{PharmaciesSection}:{entry.Key}";
            if (entry["Finess"] is not { Length: > 0 } finess)
            {
                throw new InvalidOperationException($"{at}:Finess is required: the pharmacy's FINESS number.");
            }

            if (!FinessNumber.TryParse(finess, out var number, out string? error))
            {
                throw new InvalidOperationException($"{at}:Finess: {error}");
            }

            if (pharmacies.Any(p => p.Finess == number))
            {
                throw new InvalidOperationException($"{at}:Finess: {number} is listed twice in {PharmaciesSection}.");
            }

            pharmacies.Add(new HubPharmacy(number, entry["Name"] is { Length: > 0 } name ? name.Trim() : null));
        }

        if (!multiPharmacy && pharmacies.Count > 0)
        {
            throw new InvalidOperationException(
                $"{PharmaciesSection} lists pharmacies, but this hub's store keeps one pharmacy's data (SQLite): serve several from a PostgreSQL store (Hub:Store:PostgreSql), or name the one pharmacy with {PharmacySetting}.");
        }

        if (multiPharmacy && pharmacies.Count == 0)
        {
            throw new InvalidOperationException(
                $"This hub's store keeps several pharmacies' data: list the pharmacies it serves in {PharmaciesSection}:N:Finess (and optionally :Name).");
        }

        return new HubTenancy(multiPharmacy, single, pharmacies);
    }

    /// <summary>Whether <paramref name="finess"/> is a pharmacy of this hub.</summary>
    public bool Serves(FinessNumber finess) =>
        IsMultiPharmacy ? Pharmacies.Any(p => p.Finess == finess) : SinglePharmacy == finess;

    /// <summary>
    /// The session scope of a caller who belongs to <paramref name="pharmacy"/> (an API key's, an account's):
    /// <see cref="PharmacyScope.Single"/> in a single-pharmacy hub, that pharmacy's in a multi-pharmacy hub, and
    /// <see langword="null"/> there for a caller who belongs to no pharmacy (a hub operator).
    /// </summary>
    /// <param name="pharmacy">The caller's FINESS number, or <see langword="null"/>.</param>
    public PharmacyScope? ScopeOf(string? pharmacy)
    {
        if (!IsMultiPharmacy)
        {
            return PharmacyScope.Single;
        }

        return pharmacy is { Length: > 0 } && FinessNumber.TryParse(pharmacy, out var number, out _) && Serves(number)
            ? PharmacyScope.Of(number)
            : null;
    }

    /// <summary>
    /// The scope a command works in, from its <c>--pharmacy</c> option: required in a multi-pharmacy hub, and in a
    /// single-pharmacy hub allowed only as the <c>Hub:Pharmacy</c> it names.
    /// </summary>
    /// <param name="option">What <c>--pharmacy</c> says, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The option is missing, wrong or names no pharmacy of this hub.</exception>
    public PharmacyScope ScopeOfOption(string? option)
    {
        if (option is null)
        {
            return IsMultiPharmacy
                ? throw new InvalidOperationException($"this hub serves several pharmacies: say which with --pharmacy FINESS (one of {string.Join(", ", Pharmacies.Select(p => p.Finess))}).")
                : PharmacyScope.Single;
        }

        if (!FinessNumber.TryParse(option, out var number, out string? error))
        {
            throw new InvalidOperationException($"--pharmacy: {error}");
        }

        if (!Serves(number))
        {
            throw new InvalidOperationException(IsMultiPharmacy
                ? $"--pharmacy {number} is not one of this hub's pharmacies ({PharmaciesSection}: {string.Join(", ", Pharmacies.Select(p => p.Finess))})."
                : $"--pharmacy {number}: this hub keeps one pharmacy's data (SQLite){(SinglePharmacy is { } own ? $", {own}" : $" and {PharmacySetting} names none")}.");
        }

        return IsMultiPharmacy ? PharmacyScope.Of(number) : PharmacyScope.Single;
    }

    /// <summary>
    /// Checks the pharmacy an API key names: in a single-pharmacy hub only <c>Hub:Pharmacy</c> (a key kept ready for a
    /// later multi-pharmacy hub), in a multi-pharmacy hub one of <c>Hub:Pharmacies</c>.
    /// </summary>
    /// <param name="at">The key's configuration path (<c>Hub:ApiKeys:0</c>).</param>
    /// <param name="name">The key's name.</param>
    /// <param name="pharmacy">The pharmacy it names.</param>
    /// <exception cref="InvalidOperationException">It names a pharmacy this hub does not serve.</exception>
    public void CheckKeyPharmacy(string at, string name, FinessNumber pharmacy)
    {
        if (Serves(pharmacy))
        {
            return;
        }

        throw new InvalidOperationException(IsMultiPharmacy
            ? $"{at}:Pharmacy of '{name}' is {pharmacy}, which is not one of this hub's pharmacies: add it to {PharmaciesSection}:N:Finess or fix the key."
            : SinglePharmacy is { } own
                ? $"{at}:Pharmacy of '{name}' is {pharmacy}, but this hub keeps one pharmacy's data (SQLite), {own} ({PharmacySetting}): fix the key or remove its Pharmacy."
                : $"{at}:Pharmacy of '{name}' is {pharmacy}, but this hub keeps one pharmacy's data (SQLite): remove the key's Pharmacy, or set {PharmacySetting} to {pharmacy} to name the hub's pharmacy; serving several pharmacies needs a PostgreSQL store (Hub:Store:PostgreSql).");
    }

    /// <summary>The configured name of a pharmacy, if any.</summary>
    public string? NameOf(FinessNumber finess) => Pharmacies.FirstOrDefault(p => p.Finess == finess)?.Name;
}
