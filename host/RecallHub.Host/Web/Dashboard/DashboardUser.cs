using System.Security.Claims;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>The person signed in to the dashboard, read from the session's claims, and what their role allows.</summary>
internal sealed record DashboardUser(string Name, UserRole Role)
{
    public bool CanAcknowledge => Role is UserRole.Assistant or UserRole.Pharmacist;

    public bool CanDecide => Role == UserRole.Pharmacist;

    public bool CanSeePatients => Role == UserRole.Pharmacist;

    public static DashboardUser? From(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, AuthenticationType: DashboardSecurity.Scheme, Name: { } name }
        && principal.FindFirst(DashboardSecurity.RoleClaim)?.Value is { } role
        && Enum.TryParse<UserRole>(role, ignoreCase: true, out var parsed)
            ? new DashboardUser(name, parsed)
            : null;

    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name), new Claim(DashboardSecurity.RoleClaim, DashboardSecurity.RoleValue(Role))],
        DashboardSecurity.Scheme));
}
