using System.Security.Claims;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>The person signed in to the dashboard, read from the session's claims, and what their role allows.</summary>
/// <param name="Name">The account's name.</param>
/// <param name="Role">The account's role, read at sign-in.</param>
/// <param name="Pharmacy">
/// In a multi-pharmacy hub, the FINESS number of the pharmacy the account belongs to (given at sign-in); else
/// <see langword="null"/>.
/// </param>
internal sealed record DashboardUser(string Name, UserRole Role, string? Pharmacy = null)
{
    public bool CanAcknowledge => Role is UserRole.Assistant or UserRole.Pharmacist;

    public bool CanDecide => Role == UserRole.Pharmacist;

    public bool CanSeePatients => Role == UserRole.Pharmacist;

    public static DashboardUser? From(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, AuthenticationType: DashboardSecurity.Scheme, Name: { } name }
        && principal.FindFirst(DashboardSecurity.RoleClaim)?.Value is { } role
        && Enum.TryParse<UserRole>(role, ignoreCase: true, out var parsed)
            ? new DashboardUser(name, parsed, principal.FindFirst(DashboardSecurity.PharmacyClaim)?.Value)
            : null;

    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        Pharmacy is null
            ? [new Claim(ClaimTypes.Name, Name), new Claim(DashboardSecurity.RoleClaim, DashboardSecurity.RoleValue(Role))]
            : [new Claim(ClaimTypes.Name, Name), new Claim(DashboardSecurity.RoleClaim, DashboardSecurity.RoleValue(Role)), new Claim(DashboardSecurity.PharmacyClaim, Pharmacy)],
        DashboardSecurity.Scheme));
}
