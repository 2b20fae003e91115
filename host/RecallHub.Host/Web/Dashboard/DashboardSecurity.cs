using Microsoft.AspNetCore.Authentication.Cookies;
using RecallHub.Core.Storage;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// The dashboard's own authentication beside the API keys: a cookie session for people signed in with a local account,
/// antiforgery tokens on every form, and one policy per permission. The API keys stay the default scheme, so that
/// <c>/api/v1</c> is unchanged and a session cookie never opens it.
/// </summary>
internal static class DashboardSecurity
{
    public const string Scheme = "Dashboard";
    public const string RoleClaim = "recallhub.role";

    /// <summary>In a multi-pharmacy hub, the FINESS number of the signed-in account's pharmacy.</summary>
    public const string PharmacyClaim = "recallhub.pharmacy";

    /// <summary>Any signed-in account.</summary>
    public const string Read = "dashboard.read";

    /// <summary>Assistants and pharmacists: record that a recall was read.</summary>
    public const string Acknowledge = "dashboard.acknowledge";

    /// <summary>Pharmacists: record actions, close recalls, lift blocks.</summary>
    public const string Decide = "dashboard.decide";

    /// <summary>Pharmacists: the implant register names patients.</summary>
    public const string Patients = "dashboard.patients";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, HubTenancy tenancy)
    {
        ArgumentNullException.ThrowIfNull(tenancy);
        services.AddAuthentication()
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = "recallhub.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/forbidden";
                options.ReturnUrlParameter = "retour";

                // A counter workstation stays signed in for a working day, not longer.
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;

                // Every page opens its sessions with the account's pharmacy: a session without one of this hub's
                // pharmacies (made before the hub served several, or naming one it no longer serves) signs in again.
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = context =>
                    {
                        if (context.Principal is { } principal && tenancy.ScopeOf(principal.FindFirst(PharmacyClaim)?.Value) is null)
                        {
                            context.RejectPrincipal();
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "recallhub.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__jeton";
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(RoleClaim))
            .AddPolicy(Acknowledge, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(RoleClaim, Roles(UserRole.Assistant, UserRole.Pharmacist)))
            .AddPolicy(Decide, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(RoleClaim, Roles(UserRole.Pharmacist)))
            .AddPolicy(Patients, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(RoleClaim, Roles(UserRole.Pharmacist)));
        return services;
    }

    public static string RoleValue(UserRole role) => role.ToString().ToLowerInvariant();

    private static string[] Roles(params UserRole[] roles) => [.. roles.Select(RoleValue)];
}
