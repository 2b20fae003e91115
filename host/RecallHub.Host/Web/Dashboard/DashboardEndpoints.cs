namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// Maps the dashboard's pages (the digest e-mail links to these paths) and its stylesheet. Every page needs a signed-in
/// account; forms carry antiforgery tokens; each action's policy follows the roles of <see cref="DashboardUser"/>.
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/dashboard.css", () => Results.Text(DashboardAssets.Stylesheet, "text/css; charset=utf-8"));
        endpoints.MapGet("/login", LoginPage.Show);
        endpoints.MapPost("/login", LoginPage.SignInAsync);
        endpoints.MapGet("/logout", LoginPage.ConfirmSignOut);
        endpoints.MapPost("/logout", LoginPage.SignOutAsync);
        endpoints.MapGet("/forbidden", (HttpContext http) => DashboardPage.For(http).Render(
            "Accès refusé", "", Html.Of($"<p>Votre rôle ne permet pas d'ouvrir cette page ni de faire cette action.</p><p><a href=\"/\">Retour à l'accueil</a></p>"), StatusCodes.Status403Forbidden))
            .RequireAuthorization(DashboardSecurity.Read);

        var pages = endpoints.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", OverviewPage.ShowAsync).RequireAuthorization(DashboardSecurity.Read);
        pages.MapGet("/recalls", RecallsPage.ShowAsync).RequireAuthorization(DashboardSecurity.Read);
        pages.MapGet("/recalls/{id:long}", RecallDetailPage.ShowAsync).RequireAuthorization(DashboardSecurity.Read);
        pages.MapGet("/recalls/{id:long}/revisions/{revisionId:long}/raw", RecallDetailPage.RawPayloadAsync).RequireAuthorization(DashboardSecurity.Read);
        pages.MapPost("/recalls/{id:long}/read", RecallDetailPage.AcknowledgeAsync).RequireAuthorization(DashboardSecurity.Acknowledge);
        pages.MapPost("/recalls/{id:long}/action", RecallDetailPage.RecordActionAsync).RequireAuthorization(DashboardSecurity.Decide);
        pages.MapPost("/recalls/{id:long}/close", RecallDetailPage.CloseAsync).RequireAuthorization(DashboardSecurity.Decide);
        pages.MapGet("/blocks", BlocksPage.ShowAsync).RequireAuthorization(DashboardSecurity.Read);
        pages.MapPost("/blocks/{id:long}/lift", BlocksPage.LiftAsync).RequireAuthorization(DashboardSecurity.Decide);
        pages.MapGet("/implants", ImplantsPage.Show).RequireAuthorization(DashboardSecurity.Patients);
        pages.MapPost("/implants", (Delegate)ImplantsPage.QueryAsync).RequireAuthorization(DashboardSecurity.Patients);
        pages.MapGet("/audit", AuditPage.ShowAsync).RequireAuthorization(DashboardSecurity.Read);
        pages.MapGet("/status", StatusPage.ShowAsync).RequireAuthorization(DashboardSecurity.Read);
        return endpoints;
    }
}
