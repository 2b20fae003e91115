using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using RecallHub.Core.Storage;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>One page being answered: who asks, the time, the antiforgery token for its forms, and the page shell.</summary>
internal sealed class DashboardPage(HttpContext http, DashboardUser? user, DateTimeOffset now)
{
    private static readonly (string Path, string Label, Func<DashboardUser, bool> Shown)[] Navigation =
    [
        ("/", "Accueil", _ => true),
        ("/recalls", "Rappels", _ => true),
        ("/blocks", "Stock bloqué", _ => true),
        ("/implants", "Implants", u => u.CanSeePatients),
        ("/audit", "Journal", _ => true),
        ("/status", "État du système", _ => true),
    ];

    private AntiforgeryTokenSet? _tokens;

    public HttpContext Http => http;

    /// <summary>The signed-in person; <see langword="null"/> only on the sign-in page.</summary>
    public DashboardUser? User => user;

    public DashboardUser SignedIn => user ?? throw new InvalidOperationException("This page needs a signed-in user.");

    public DateTimeOffset Now => now;

    /// <summary>
    /// Whose data the page shows and changes: the signed-in account's pharmacy (<see cref="PharmacyScope.Single"/> in a
    /// single-pharmacy hub).
    /// </summary>
    public PharmacyScope Scope => http.RequestServices.GetRequiredService<HubTenancy>().ScopeOf(SignedIn.Pharmacy)
        ?? throw new InvalidOperationException("The signed-in account belongs to no pharmacy of this hub.");

    public static DashboardPage For(HttpContext http) =>
        new(http, DashboardUser.From(http.User), http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public Html Token()
    {
        _tokens ??= http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Html.Of($"<input type=\"hidden\" name=\"{_tokens.FormFieldName}\" value=\"{_tokens.RequestToken}\">");
    }

    /// <summary>A message after a form was handled: <paramref name="kind"/> is <c>ok</c> or <c>erreur</c>.</summary>
    public static Html Notice(string kind, string text) =>
        Html.Of($"<div class=\"notice notice-{kind}\" role=\"{(kind == "erreur" ? "alert" : "status")}\"><p>{text}</p></div>");

    /// <summary>The page shell: skip link, header with navigation and the signed-in person, main content.</summary>
    public IResult Render(string title, string current, Html body, int status = StatusCodes.Status200OK)
    {
        var navigation = user is null ? Html.Empty : Html.Of($"""
            <nav aria-label="Navigation principale"><ul>{Navigation.Where(n => n.Shown(user) && (n.Path != "/implants" || !http.RequestServices.GetRequiredService<HubTenancy>().IsMultiPharmacy)).Select(n => Html.Of(
                $"<li><a href=\"{n.Path}\"{(n.Path == current ? new Html(" aria-current=\"page\"") : Html.Empty)}>{n.Label}</a></li>"))}</ul></nav>
            <form method="post" action="/logout" class="signed-in">{Token()}
              <span>{user.Name} <span class="role">({DashboardText.Role(user.Role)}){(user.Pharmacy is { } pharmacy ? Html.Text($" · FINESS {pharmacy}") : Html.Empty)}</span></span>
              <button type="submit" class="link">Se déconnecter</button>
            </form>
            """);
        var page = Html.Of($"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} — RecallHub</title>
            <link rel="stylesheet" href="/assets/dashboard.css">
            </head>
            <body>
            <a class="skip" href="#contenu">Aller au contenu</a>
            <header class="top">
            <p class="brand"><a href="/">RecallHub</a></p>
            {navigation}
            </header>
            <main id="contenu" tabindex="-1">
            <h1>{title}</h1>
            {body}
            </main>
            </body>
            </html>
            """);
        return Results.Content(page.Value, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
