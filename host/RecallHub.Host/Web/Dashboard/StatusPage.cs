using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Storage;
using RecallHub.Host.Plugins;
using RecallHub.Host.Running;

namespace RecallHub.Host.Web.Dashboard;

/// <summary><c>/status</c>: each plugin's state, each source's last pull, each sink's backlog — a failure is said, not hidden.</summary>
internal static class StatusPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, IRecallHubStore store)
    {
        var page = DashboardPage.For(http);
        var services = http.RequestServices;
        var catalog = services.GetService<PluginCatalog>();
        var pulls = services.GetService<SourcePull>()?.LastPulls.Values.OrderBy(p => p.SourceId, StringComparer.Ordinal).ToList() ?? [];
        var backlogs = new List<OutboxBacklog>();
        await using (var session = await store.OpenSessionAsync(page.Scope, http.RequestAborted).ConfigureAwait(false))
        {
            foreach (string sinkId in catalog?.Sinks.Ids ?? [])
            {
                backlogs.Add(await session.Outbox.GetBacklogAsync(sinkId, http.RequestAborted).ConfigureAwait(false));
            }
        }

        var plugins = catalog?.Statuses ?? [];
        return page.Render("État du système", "/status", Html.Of($"""
            <section aria-labelledby="plugins"><h2 id="plugins">Plugins</h2>
            {(plugins.Count == 0 ? Html.Of($"<p class=\"empty\">Aucun plugin chargé (le hub tourne sans <code>recallhub run</code>, ou <code>plugins.json</code> est vide).</p>") : Html.Of($"""
                <div class="table-wrap"><table><caption class="visually-hidden">Plugins</caption>
                <thead><tr><th scope="col">Plugin</th><th scope="col">Type</th><th scope="col">Version</th><th scope="col">État</th></tr></thead>
                <tbody>{plugins.Select(p => Html.Of($"<tr><td>{p.Id}</td><td>{(p.Kind switch { PluginKind.Source => "source", PluginKind.Sink => "destinataire", _ => "—" })}</td><td>{p.Version ?? "—"}</td><td>{State(p)}</td></tr>"))}</tbody>
                </table></div>
                """))}
            </section>
            <section aria-labelledby="sources"><h2 id="sources">Dernière collecte de chaque source</h2>
            {(pulls.Count == 0 ? Html.Of($"<p class=\"empty\">Aucune collecte depuis le démarrage du hub.</p>") : Html.Of($"""
                <div class="table-wrap"><table><caption class="visually-hidden">Collectes</caption>
                <thead><tr><th scope="col">Source</th><th scope="col">Quand</th><th scope="col">Avis reçus</th><th scope="col">Résultat</th></tr></thead>
                <tbody>{pulls.Select(p => Html.Of($"<tr><td>{p.SourceId}</td><td>{DashboardText.When(p.StartedAt)}</td><td>{p.Notices} ({p.Changed} nouveau(x) ou modifié(s), {p.BlocksPlaced} blocage(s))</td><td>{(p.Succeeded ? Html.Of($"<span class=\"ok\">réussie</span>") : Html.Of($"<span class=\"failed\">échec</span> : {p.Error}"))}</td></tr>"))}</tbody>
                </table></div>
                """))}
            </section>
            <section aria-labelledby="sinks"><h2 id="sinks">Messages en attente par destinataire</h2>
            {(backlogs.Count == 0 ? Html.Of($"<p class=\"empty\">Aucun destinataire configuré.</p>") : Html.Of($"""
                <div class="table-wrap"><table><caption class="visually-hidden">Destinataires</caption>
                <thead><tr><th scope="col">Destinataire</th><th scope="col">En attente</th><th scope="col">Plus ancien</th><th scope="col">Dernière erreur</th></tr></thead>
                <tbody>{backlogs.Select(b => Html.Of($"<tr><td>{b.SinkId}</td><td>{b.Pending}</td><td>{DashboardText.When(b.OldestPendingAt)}</td><td>{(b.HeadLastError is { } e ? Html.Of($"<span class=\"failed\">{e}</span> ({b.HeadAttempts} essai(s))") : Html.Text("—"))}</td></tr>"))}</tbody>
                </table></div>
                """))}
            </section>
            """));
    }

    private static Html State(PluginStatus status) => status.State switch
    {
        PluginState.Loaded => Html.Of($"<span class=\"ok\">chargé</span>"),
        PluginState.Disabled => Html.Of($"<span class=\"muted\">désactivé</span>"),
        _ => Html.Of($"<span class=\"failed\">en échec</span> : {status.Reason}"),
    };
}
