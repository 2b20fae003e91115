using Microsoft.AspNetCore.Antiforgery;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>Reads a posted dashboard form after checking its antiforgery token.</summary>
internal static class DashboardForms
{
    /// <summary>The form, or <see langword="null"/> when its token is missing or wrong (a forged or stale form).</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
    }

    public static IResult Refused(HttpContext http) => DashboardPage.For(http).Render(
        "Formulaire refusé",
        "",
        Html.Of($"<p>Ce formulaire a expiré ou ne vient pas du tableau de bord. Rechargez la page et recommencez.</p><p><a href=\"/\">Retour à l'accueil</a></p>"),
        StatusCodes.Status400BadRequest);

    public static string? Text(IFormCollection form, string name) =>
        form[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Redirects after a successful post (the page reloads without posting again), with a message code.</summary>
    public static IResult Done(string path, string message) =>
        Results.Redirect($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}fait={Uri.EscapeDataString(message)}", permanent: false, preserveMethod: false);
}
