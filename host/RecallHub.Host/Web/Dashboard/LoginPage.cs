using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using RecallHub.Core.Storage;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// <c>/login</c> and <c>/logout</c>: sign in with a local account (locked for <see cref="DashboardSecurity.Lockout"/>
/// after <see cref="DashboardSecurity.MaxFailedSignIns"/> failures in a row), sign out. Both are audited. In a
/// multi-pharmacy hub the form asks for the pharmacy's FINESS number too: accounts are each pharmacy's, and the session
/// remembers the pharmacy for every page.
/// </summary>
internal static class LoginPage
{
    public static IResult Show(HttpContext http) => Show(http, http.Request.Query["retour"].FirstOrDefault());

    private static IResult Show(HttpContext http, string? returnTo, string? error = null, string? name = null, int status = StatusCodes.Status200OK, string? finess = null)
    {
        var page = new DashboardPage(http, null, DateTimeOffset.MinValue);
        string returnUrl = SafeReturn(returnTo);
        var pharmacyField = http.RequestServices.GetRequiredService<HubTenancy>().IsMultiPharmacy
            ? Html.Of($"<p><label for=\"finess\">N° FINESS de la pharmacie</label><input id=\"finess\" name=\"finess\" inputmode=\"numeric\" autocomplete=\"organization\" required value=\"{finess}\"></p>")
            : Html.Empty;
        return page.Render("Connexion", "/login", Html.Of($"""
            {(error is null ? Html.Empty : DashboardPage.Notice("erreur", error))}
            <form method="post" action="/login" class="login">
            {page.Token()}
            <input type="hidden" name="retour" value="{returnUrl}">
            {pharmacyField}
            <p><label for="nom">Nom</label><input id="nom" name="nom" autocomplete="username" required value="{name}" autofocus></p>
            <p><label for="mot-de-passe">Mot de passe</label><input id="mot-de-passe" name="mot_de_passe" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">Se connecter</button></p>
            </form>
            <p class="muted">Un compte par personne : chaque action est enregistrée à votre nom. Les comptes se créent avec <code>recallhub users add</code>.</p>
            """), status);
    }

    public static async Task<IResult> SignInAsync(HttpContext http, IRecallHubStore store, TimeProvider time)
    {
        if (await DashboardForms.ReadAsync(http).ConfigureAwait(false) is not { } form)
        {
            return DashboardForms.Refused(http);
        }

        string name = DashboardForms.Text(form, "nom") ?? "";
        var tenancy = http.RequestServices.GetRequiredService<HubTenancy>();
        string? finess = tenancy.IsMultiPharmacy ? DashboardForms.Text(form, "finess") : null;
        string password = form["mot_de_passe"].FirstOrDefault() ?? "";
        string returnUrl = SafeReturn(form["retour"].FirstOrDefault());
        var now = time.GetUtcNow();
        string wrong = tenancy.IsMultiPharmacy ? "N° FINESS, nom ou mot de passe incorrect." : "Nom ou mot de passe incorrect.";
        var token = http.RequestAborted;

        // The accounts are the pharmacy's: a FINESS number this hub does not serve finds no account, with the same
        // answer in the same time as a wrong name.
        if (tenancy.ScopeOf(finess) is not { } scope)
        {
            _ = DashboardPasswords.Verify(null, password, out _);
            return Show(http, returnUrl, wrong, name, StatusCodes.Status401Unauthorized, finess);
        }

        await using var session = await store.OpenSessionAsync(scope, token).ConfigureAwait(false);
        var account = name.Length == 0 ? null : await session.Users.FindAsync(name, token).ConfigureAwait(false);
        if (account is not null && account.IsLockedAt(now))
        {
            return Show(http, returnUrl, $"Ce compte est verrouillé après {DashboardSecurity.MaxFailedSignIns} échecs, jusqu'au {DashboardText.When(account.LockedUntil)}.", name, StatusCodes.Status429TooManyRequests, finess);
        }

        // Verified even for an unknown name, so that timing does not tell which names exist.
        if (!DashboardPasswords.Verify(account, password, out string? rehashed) || account is null)
        {
            if (account is not null)
            {
                string subject = Subject(account);
                var updated = await session.Users.RecordFailedSignInAsync(account.Id, DashboardSecurity.MaxFailedSignIns, now + DashboardSecurity.Lockout, token).ConfigureAwait(false);
                await session.Audit.AppendAsync(new AuditEntry(now, account.Name, "user.sign_in_failed", subject, $"failures={updated.FailedSignIns.ToString(CultureInfo.InvariantCulture)}"), token).ConfigureAwait(false);
                if (updated.IsLockedAt(now))
                {
                    await session.Audit.AppendAsync(new AuditEntry(now, account.Name, "user.locked_out", subject, $"until={updated.LockedUntil:O}"), token).ConfigureAwait(false);
                    return Show(http, returnUrl, $"Trop d'échecs : ce compte est verrouillé jusqu'au {DashboardText.When(updated.LockedUntil)}.", name, StatusCodes.Status429TooManyRequests, finess);
                }
            }

            return Show(http, returnUrl, wrong, name, StatusCodes.Status401Unauthorized, finess);
        }

        await session.Users.RecordSignInAsync(account.Id, now, rehashed, token).ConfigureAwait(false);
        await session.Audit.AppendAsync(new AuditEntry(now, account.Name, "user.signed_in", Subject(account), null), token).ConfigureAwait(false);
        await http.SignInAsync(DashboardSecurity.Scheme, new DashboardUser(account.Name, account.Role, scope.Finess).ToPrincipal()).ConfigureAwait(false);
        return Results.Redirect(returnUrl);
    }

    public static IResult ConfirmSignOut(HttpContext http)
    {
        var page = DashboardPage.For(http);
        return page.User is null
            ? Results.Redirect("/login")
            : page.Render("Déconnexion", "", Html.Of($"<form method=\"post\" action=\"/logout\">{page.Token()}<p><button type=\"submit\">Se déconnecter</button></p></form>"));
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, IRecallHubStore store, TimeProvider time)
    {
        var result = await http.AuthenticateAsync(DashboardSecurity.Scheme).ConfigureAwait(false);
        if (result.Principal is { } principal)
        {
            http.User = principal;
        }

        if (await DashboardForms.ReadAsync(http).ConfigureAwait(false) is null)
        {
            return DashboardForms.Refused(http);
        }

        if (DashboardUser.From(http.User) is { } user
            && http.RequestServices.GetRequiredService<HubTenancy>().ScopeOf(user.Pharmacy) is { } scope)
        {
            await using var session = await store.OpenSessionAsync(scope, http.RequestAborted).ConfigureAwait(false);
            await session.Audit.AppendAsync(new AuditEntry(time.GetUtcNow(), user.Name, "user.signed_out", $"user:{user.Name}", null), http.RequestAborted).ConfigureAwait(false);
        }

        await http.SignOutAsync(DashboardSecurity.Scheme).ConfigureAwait(false);
        return Results.Redirect("/login");
    }

    private static string Subject(UserAccount account) => $"user:{account.Name}";

    // Only a path of this site: an absolute or protocol-relative URL would send the person elsewhere after signing in.
    private static string SafeReturn(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
