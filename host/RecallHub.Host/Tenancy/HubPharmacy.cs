using RecallHub.Core.Tenancy;

namespace RecallHub.Host.Tenancy;

/// <summary>One pharmacy a multi-pharmacy hub serves (<c>Hub:Pharmacies:N</c>).</summary>
/// <param name="Finess">Its FINESS number (<c>Hub:Pharmacies:N:Finess</c>).</param>
/// <param name="Name">How its digest greets it (<c>Hub:Pharmacies:N:Name</c>); <see langword="null"/> for <c>Hub:Digest:PharmacyName</c>.</param>
internal sealed record HubPharmacy(FinessNumber Finess, string? Name);
