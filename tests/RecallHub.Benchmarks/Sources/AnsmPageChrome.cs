using System.Globalization;
using System.Text;

namespace RecallHub.Benchmarks.Sources;

/// <summary>
/// What a served notice page carries besides the notice: a head with styles and scripts, a mega-menu of some 250
/// links, breadcrumbs, a share bar, related-content cards, a footer of links and a cookie banner — about 63 000
/// characters, made up, since the samples hold the notice only. The notice's <c>main</c> goes in the middle.
/// </summary>
internal static class AnsmPageChrome
{
    public static string Around(string notice)
    {
        int start = notice.IndexOf("<main>", StringComparison.Ordinal);
        int end = notice.IndexOf("</main>", StringComparison.Ordinal) + "</main>".Length;
        var page = new StringBuilder(70_000);
        page.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>ANSM</title>");
        for (int i = 0; i < 12; i++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"/themes/custom/ansm/dist/css/part-{i}.css?v=t4k2m{i}\">");
        }

        page.Append("<script>window.dataLayer=window.dataLayer||[];").Append('x', 6_000).Append("</script></head><body class=\"page-node-type-security-information\">");
        page.Append("<header class=\"header\"><nav class=\"main-menu\" aria-label=\"Menu principal\"><ul>");
        for (int section = 0; section < 10; section++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li class=\"menu-item menu-item--expanded\"><span>Rubrique {section}</span><ul class=\"submenu\">");
            for (int link = 0; link < 25; link++)
            {
                page.Append(CultureInfo.InvariantCulture, $"<li class=\"menu-item\"><a href=\"/rubrique-{section}/page-{link}\" title=\"Page {link} de la rubrique {section}\">Page {link} de la rubrique {section} — dossiers thématiques</a></li>");
            }

            page.Append("</ul></li>");
        }

        page.Append("</ul></nav><form class=\"search\" action=\"/recherche\"><input type=\"search\" name=\"search_api_fulltext\" placeholder=\"Rechercher\"></form></header>");
        page.Append("<nav class=\"breadcrumb\"><ol><li><a href=\"/\">Accueil</a></li><li><a href=\"/informations-de-securite/\">Informations de sécurité</a></li></ol></nav>");
        page.Append("<div class=\"share\"><a href=\"#\">Imprimer</a><a href=\"#\">Partager</a><a href=\"#\">LinkedIn</a><a href=\"#\">X</a><a href=\"#\">Courriel</a></div>");
        page.Append(notice, start, end - start);
        page.Append("<section class=\"related\"><h2>Sur le même sujet</h2>");
        for (int card = 0; card < 6; card++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<article class=\"card\"><a href=\"/actualites/sujet-{card}\"><span class=\"card-date\">0{card + 1}/09/2026</span><span class=\"card-title\">Actualité liée numéro {card}</span><p>Résumé de l'actualité liée, sur quelques lignes, pour donner envie de lire la suite.</p></a></article>");
        }

        page.Append("</section><footer class=\"footer\"><ul>");
        for (int link = 0; link < 120; link++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/pied-de-page/lien-{link}\">Lien de pied de page {link}</a></li>");
        }

        page.Append("</ul></footer><div id=\"tarteaucitronRoot\" class=\"cookies\"><p>Ce site utilise des cookies.</p><button>Accepter</button><button>Refuser</button></div>");
        page.Append("<script src=\"/core/assets/vendor/jquery/jquery.min.js\"></script><script type=\"application/json\" data-drupal-selector=\"drupal-settings-json\">{").Append('y', 8_000).Append("}</script></body></html>");
        return page.ToString();
    }
}
