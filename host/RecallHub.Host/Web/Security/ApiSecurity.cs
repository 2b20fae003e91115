using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Web.Security;

/// <summary>
/// Wires API-key authentication and one authorization policy per scope; admin satisfies every policy but
/// <see cref="ApiScope.Patients"/>.
/// </summary>
internal static class ApiSecurity
{
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services, IConfiguration configuration, HubTenancy? tenancy)
    {
        services.AddSingleton(ApiKeyRing.From(configuration, tenancy));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options =>
        {
            foreach (var scope in ApiScope.All)
            {
                options.AddPolicy(scope, policy => policy
                    .RequireAuthenticatedUser()
                    .RequireAssertion(context =>
                        context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope)
                        || (ApiScope.AdminImplies(scope) && context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScope.Admin))));
            }
        });
        return services;
    }
}
