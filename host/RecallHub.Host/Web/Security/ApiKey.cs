using RecallHub.Core.Tenancy;

namespace RecallHub.Host.Web.Security;

/// <summary>One API key from configuration (section <c>Hub:ApiKeys</c>).</summary>
/// <param name="Name">Who holds it (an LGO, a workstation), as audit logs show it.</param>
/// <param name="KeyHash">The SHA-256 of the key; the key itself is not kept in memory.</param>
/// <param name="Scopes">What it may do.</param>
/// <param name="Pharmacy">
/// The pharmacy it acts for (<c>Hub:ApiKeys:N:Pharmacy</c>); <see langword="null"/> for a hub operator's key, which in
/// a multi-pharmacy hub may use only the hub-wide endpoints.
/// </param>
internal sealed record ApiKey(string Name, byte[] KeyHash, IReadOnlySet<string> Scopes, FinessNumber? Pharmacy = null);
