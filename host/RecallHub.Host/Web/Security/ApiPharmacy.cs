using RecallHub.Core.Storage;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Web.Security;

/// <summary>
/// Whose data an API call may see: the pharmacy of its key. In a single-pharmacy hub every key acts for the one
/// pharmacy; in a multi-pharmacy hub a key naming a pharmacy acts only for it, and a key naming none (a hub operator's)
/// may not use the endpoints that read or write one pharmacy's data (<see cref="RequirePharmacy"/>).
/// </summary>
internal static class ApiPharmacy
{
    /// <summary>
    /// The session scope of the caller: <see cref="PharmacyScope.Single"/> in a single-pharmacy hub, the key's pharmacy
    /// in a multi-pharmacy hub, <see langword="null"/> there for a hub operator's key.
    /// </summary>
    public static PharmacyScope? ScopeOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<HubTenancy>().ScopeOf(http.User.FindFirst(ApiKeyAuthenticationHandler.PharmacyClaim)?.Value);
    }

    /// <summary>The caller's pharmacy scope, on an endpoint guarded by <see cref="RequirePharmacy"/>.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not guarded: a programming error.</exception>
    public static PharmacyScope Required(HttpContext http) =>
        ScopeOf(http) ?? throw new InvalidOperationException("This endpoint needs RequirePharmacy(): the caller belongs to no pharmacy.");

    /// <summary>
    /// Refuses, with <c>403</c>, a call whose key belongs to no pharmacy of a multi-pharmacy hub: scans, checks and
    /// blocks are one pharmacy's, and a hub operator has none to act for.
    /// </summary>
    public static RouteHandlerBuilder RequirePharmacy(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddEndpointFilter(async (context, next) =>
                ScopeOf(context.HttpContext) is null ? NoPharmacy(context.HttpContext) : await next(context).ConfigureAwait(false))
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>The <c>403</c> answer to a hub operator's key on a pharmacy's endpoint.</summary>
    public static IResult NoPharmacy(HttpContext http) => Results.Problem(
        title: "This key belongs to no pharmacy",
        detail: $"The API key '{http.User.Identity?.Name}' belongs to no pharmacy, and this endpoint reads or writes one pharmacy's data (scans, checks, blocks, follow-up): use a key of that pharmacy (Hub:ApiKeys:N:Pharmacy).",
        statusCode: StatusCodes.Status403Forbidden);
}
