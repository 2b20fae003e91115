using System.Globalization;
using Mediator;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.FollowUp;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// <c>/recalls/{id}</c>: one recall — follow-up (who read it, what was done, closing), products and lots, the packs it
/// blocked with their scan history, revisions with the source's page and raw payload, and its audit entries.
/// </summary>
internal static class RecallDetailPage
{
    private const int ScansPerPack = 10;

    public static async Task<IResult> ShowAsync(HttpContext http, long id, IRecallHubStore store) =>
        await RenderAsync(http, id, store, NoticeFromQuery(http)).ConfigureAwait(false);

    public static async Task<IResult> AcknowledgeAsync(HttpContext http, long id, ISender sender, IRecallHubStore store)
    {
        if (await DashboardForms.ReadAsync(http).ConfigureAwait(false) is not { } form)
        {
            return DashboardForms.Refused(http);
        }

        var page = DashboardPage.For(http);
        return await StepAsync(http, id, store, () => sender.Send(new AcknowledgeRecall(id, page.SignedIn.Name, DashboardForms.Text(form, "note")) { Scope = page.Scope }, http.RequestAborted).AsTask(), "lu").ConfigureAwait(false);
    }

    public static async Task<IResult> RecordActionAsync(HttpContext http, long id, ISender sender, IRecallHubStore store)
    {
        if (await DashboardForms.ReadAsync(http).ConfigureAwait(false) is not { } form)
        {
            return DashboardForms.Refused(http);
        }

        var page = DashboardPage.For(http);
        if (FollowUpActions.Parse(form["action"].FirstOrDefault()) is not { } kind)
        {
            return await RenderAsync(http, id, store, DashboardPage.Notice("erreur", "Choisissez l'action réalisée."), StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
        }

        int? quantity = null;
        if (DashboardForms.Text(form, "quantite") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                return await RenderAsync(http, id, store, DashboardPage.Notice("erreur", $"« {text} » n'est pas un nombre de boîtes (0 ou plus)."), StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
            }

            quantity = parsed;
        }

        if (kind == FollowUpActionKind.NotConcerned)
        {
            quantity ??= 0;
        }

        if (FollowUpActions.CountsPacks(kind) && quantity is null)
        {
            return await RenderAsync(http, id, store, DashboardPage.Notice("erreur", "Indiquez le nombre de boîtes concernées par cette action."), StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
        }

        return await StepAsync(http, id, store, () => sender.Send(new RecordRecallAction(id, kind, quantity, page.SignedIn.Name, DashboardForms.Text(form, "note")) { Scope = page.Scope }, http.RequestAborted).AsTask(), "action").ConfigureAwait(false);
    }

    public static async Task<IResult> CloseAsync(HttpContext http, long id, ISender sender, IRecallHubStore store)
    {
        if (await DashboardForms.ReadAsync(http).ConfigureAwait(false) is not { } form)
        {
            return DashboardForms.Refused(http);
        }

        var page = DashboardPage.For(http);
        return await StepAsync(http, id, store, () => sender.Send(new CloseRecall(id, page.SignedIn.Name, DashboardForms.Text(form, "note")) { Scope = page.Scope }, http.RequestAborted).AsTask(), "cloture").ConfigureAwait(false);
    }

    public static async Task<IResult> RawPayloadAsync(long id, long revisionId, IRecallHubStore store, CancellationToken token)
    {
        // Revisions are shared by every pharmacy.
        await using var session = await store.OpenSessionAsync(PharmacyScope.All, token).ConfigureAwait(false);
        var revision = (await session.Recalls.GetAsync(id, token).ConfigureAwait(false))?.Revisions.FirstOrDefault(r => r.Id == revisionId);
        return revision is null ? Results.NotFound()
            : Results.Text(revision.RawPayload ?? revision.NoticeJson, revision.RawPayload is null ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
    }

    private static async Task<IResult> StepAsync(HttpContext http, long id, IRecallHubStore store, Func<Task> step, string done)
    {
        try
        {
            await step().ConfigureAwait(false);
            return DashboardForms.Done($"/recalls/{id.ToString(CultureInfo.InvariantCulture)}", done);
        }
        catch (FollowUpStepException)
        {
            return await RenderAsync(http, id, store, DashboardPage.Notice("erreur", "Cette étape n'est pas possible : le rappel est déjà clôturé, ou aucune action n'est enregistrée avant la clôture."), StatusCodes.Status409Conflict).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return await RenderAsync(http, id, store, DashboardPage.Notice("erreur", $"Enregistrement refusé : {e.Message}"), StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
        }
    }

    private static Html NoticeFromQuery(HttpContext http) => http.Request.Query["fait"].FirstOrDefault() switch
    {
        "lu" => DashboardPage.Notice("ok", "Lecture enregistrée à votre nom."),
        "action" => DashboardPage.Notice("ok", "Action enregistrée."),
        "cloture" => DashboardPage.Notice("ok", "Rappel clôturé ; ses blocages restants sont levés."),
        "leve" => DashboardPage.Notice("ok", "Blocage levé."),
        _ => Html.Empty,
    };

    private static async Task<IResult> RenderAsync(HttpContext http, long id, IRecallHubStore store, Html notice, int status = StatusCodes.Status200OK)
    {
        var page = DashboardPage.For(http);
        var token = http.RequestAborted;
        await using var session = await store.OpenSessionAsync(page.Scope, token).ConfigureAwait(false);
        if (await session.Recalls.GetAsync(id, token).ConfigureAwait(false) is not { } recall)
        {
            return page.Render("Rappel introuvable", "/recalls", Html.Of($"<p>Il n'y a pas de rappel n° {id}.</p><p><a href=\"/recalls\">Tous les rappels</a></p>"), StatusCodes.Status404NotFound);
        }

        var followUp = await session.FollowUp.GetAsync(id, token).ConfigureAwait(false);
        var stage = FollowUpStages.Of(followUp);
        var due = FollowUpDeadline.Due(recall.Kind, recall.RecallLevels, recall.CreatedAt);
        bool overdue = stage != FollowUpStage.Closed && due < page.Now;
        var blocks = await AllBlocksAsync(session, id, token).ConfigureAwait(false);
        // The recall's own steps and the lifts of its blocks, in the order they were written.
        var audit = (await session.Audit.ListAsync($"recall:{id.ToString(CultureInfo.InvariantCulture)}", token).ConfigureAwait(false)).ToList();
        foreach (var block in blocks.Where(b => !b.IsActive))
        {
            audit.AddRange(await session.Audit.ListAsync($"block:{block.Id.ToString(CultureInfo.InvariantCulture)}", token).ConfigureAwait(false));
        }

        audit.Sort((a, b) => a.Id.CompareTo(b.Id));
        var current = recall.Revisions.LastOrDefault(r => r.IsCurrent) ?? recall.Revisions[^1];
        var published = current.ReadNotice();
        var packs = new List<Html>();
        foreach (var block in blocks)
        {
            packs.Add(await PackAsync(page, session, block, token).ConfigureAwait(false));
        }

        string path = $"/recalls/{id.ToString(CultureInfo.InvariantCulture)}";
        return page.Render(recall.Title, "/recalls", Html.Of($"""
            {notice}
            <dl class="facts">
            <div><dt>N° d'alerte</dt><dd>{recall.AlertNumber ?? "—"}</dd></div>
            <div><dt>Type</dt><dd>{DashboardText.Kind(recall.Kind)}</dd></div>
            <div><dt>Niveau de rappel</dt><dd>{DashboardText.Levels(recall.RecallLevels)}</dd></div>
            <div><dt>Publié le</dt><dd>{DashboardText.When(recall.PublishedAt)}</dd></div>
            <div><dt>Reçu le</dt><dd>{DashboardText.When(recall.CreatedAt)}</dd></div>
            <div><dt>Suivi</dt><dd>{RecallRows.Badge(stage)}</dd></div>
            <div><dt>Échéance</dt><dd>{(stage == FollowUpStage.Closed ? Html.Text("—") : Html.Of($"<span class=\"{(overdue ? "overdue" : "due")}\">{(overdue ? new Html("<strong>En retard</strong> · ") : Html.Empty)}{DashboardText.When(due)} ({DashboardText.Remaining(due, page.Now)})</span>"))}</dd></div>
            <div><dt>Boîtes bloquées</dt><dd>{blocks.Count(b => b.IsActive)} (sur {blocks.Count} trouvée(s) dans votre stock)</dd></div>
            </dl>
            {(published.Reason is { } reason ? Html.Of($"<h2>Motif</h2><p>{reason}</p>") : Html.Empty)}
            {(published.Risk is { } risk ? Html.Of($"<h2>Risque</h2><p>{risk}</p>") : Html.Empty)}
            {(published.Actions.Count > 0 ? Html.Of($"<h2>Ce que demande l'autorité</h2><ul>{published.Actions.Select(a => Html.Of($"<li>{a}</li>"))}</ul>") : Html.Empty)}

            <section aria-labelledby="suivi" class="panel">
            <h2 id="suivi">Suivi du rappel</h2>
            {FollowUpHistory(followUp)}
            {FollowUpForms(page, path, stage, blocks.Count(b => b.IsActive))}
            </section>

            <section aria-labelledby="produits">
            <h2 id="produits">Produits et lots</h2>
            <div class="table-wrap"><table>
            <caption class="visually-hidden">Produits rappelés</caption>
            <thead><tr><th scope="col">Produit</th><th scope="col">Code</th><th scope="col">Lots concernés</th></tr></thead>
            <tbody>{recall.Products.Select(p => Html.Of($"<tr><td>{p.Label ?? "—"}</td><td>{p.CodeScheme} {p.Code}</td><td>{Selector(p.Selector)}</td></tr>"))}</tbody>
            </table></div>
            </section>

            <section aria-labelledby="boites">
            <h2 id="boites">Boîtes de votre stock concernées</h2>
            {(packs.Count == 0 ? Html.Of($"<p class=\"empty\">Aucune boîte scannée ne correspond à ce rappel.</p>") : Html.Join(packs))}
            </section>

            <section aria-labelledby="revisions">
            <h2 id="revisions">Révisions</h2>
            <ol class="revisions">{recall.Revisions.Select(r => Revision(path, r))}</ol>
            </section>

            <section aria-labelledby="journal">
            <h2 id="journal">Journal de ce rappel</h2>
            {AuditPage.Table(audit, "Entrées du journal pour ce rappel")}
            </section>
            """), status);
    }

    private static Html FollowUpHistory(RecallFollowUp followUp)
    {
        var lines = followUp.Acknowledgements.Select(a => (a.At, Html.Of($"<strong>Lu</strong> par {a.By}{Note(a.Note)}")))
            .Concat(followUp.Actions.Select(a => (a.At, Html.Of($"<strong>{DashboardText.Action(a.Action)}</strong>{(a.Quantity is { } q ? Html.Text($" — {q} boîte(s)") : Html.Empty)} par {a.By}{Note(a.Note)}"))))
            .Concat(followUp.Closure is { } c ? [(c.At, Html.Of($"<strong>Clôturé</strong> par {c.By}{Note(c.Note)}"))] : [])
            .OrderBy(l => l.At)
            .ToList();
        return lines.Count == 0
            ? Html.Of($"<p>Personne n'a encore lu ce rappel.</p>")
            : Html.Of($"<ol class=\"history\">{lines.Select(l => Html.Of($"<li><time datetime=\"{l.At:O}\">{DashboardText.When(l.At)}</time> — {l.Item2}</li>"))}</ol>");
    }

    private static Html Note(string? note) => note is null ? Html.Empty : Html.Of($" : « {note} »");

    private static Html FollowUpForms(DashboardPage page, string path, FollowUpStage stage, int activeBlocks)
    {
        var user = page.SignedIn;
        if (stage == FollowUpStage.Closed)
        {
            return Html.Empty;
        }

        var read = !user.CanAcknowledge ? Html.Empty : Html.Of($"""
            <form method="post" action="{path}/read" class="step">
            {page.Token()}
            <h3>1. Lecture</h3>
            <p><label for="note-lu">Remarque (facultatif)</label><input id="note-lu" name="note" maxlength="2000"></p>
            <p><button type="submit">J'ai lu ce rappel</button></p>
            </form>
            """);
        if (!user.CanDecide)
        {
            return Html.Of($"{read}<p class=\"muted\">Enregistrer une action, clôturer et lever les blocages est réservé aux pharmaciens.</p>");
        }

        var kinds = Enum.GetValues<FollowUpActionKind>().Select(k => Html.Of($"<option value=\"{FollowUpActions.Code(k)}\">{DashboardText.Action(k)}</option>"));
        var close = stage != FollowUpStage.ActionRecorded
            ? Html.Of($"<p class=\"muted\">3. La clôture est possible une fois une action enregistrée.</p>")
            : Html.Of($"""
                <form method="post" action="{path}/close" class="step">
                {page.Token()}
                <h3>3. Clôture</h3>
                <p>Clôturer lève les {activeBlocks} blocage(s) restant(s) de ce rappel, à votre nom.</p>
                <p><label for="note-cloture">Remarque (facultatif)</label><input id="note-cloture" name="note" maxlength="2000"></p>
                <p><button type="submit" class="danger">Clôturer le rappel</button></p>
                </form>
                """);
        return Html.Of($"""
            {read}
            <form method="post" action="{path}/action" class="step">
            {page.Token()}
            <h3>2. Action réalisée</h3>
            <p><label for="action">Action</label><select id="action" name="action" required>{kinds}</select></p>
            <p><label for="quantite">Nombre de boîtes</label><input id="quantite" name="quantite" inputmode="numeric" pattern="[0-9]*" aria-describedby="quantite-aide">
            <span id="quantite-aide" class="hint">Obligatoire pour une mise en quarantaine, un retour ou une destruction.</span></p>
            <p><label for="note-action">Remarque (facultatif)</label><input id="note-action" name="note" maxlength="2000"></p>
            <p><button type="submit">Enregistrer l'action</button></p>
            </form>
            {close}
            """);
    }

    private static Html Selector(LotSelector selector)
    {
        var parts = new List<string>();
        if (selector.AllLots)
        {
            parts.Add("tous les lots");
        }

        parts.AddRange(selector.Lots.Select(l => l.Expiry is { } e ? $"{l.Lot} (exp. {DashboardText.Day(e)})" : l.Lot));
        parts.AddRange(selector.Serials.Select(s => $"n° de série {s.First} à {s.Last}"));
        if (selector.ExpiryRange is { } expiry)
        {
            parts.Add($"péremption du {DashboardText.Day(expiry.From)} au {DashboardText.Day(expiry.To)}");
        }

        if (selector.ProductionRange is { } production)
        {
            parts.Add($"fabrication du {DashboardText.Day(production.From)} au {DashboardText.Day(production.To)}");
        }

        return Html.Text(parts.Count == 0 ? "—" : string.Join(" ; ", parts));
    }

    private static Html Revision(string path, RecallRevision revision)
    {
        var notice = revision.ReadNotice();
        return Html.Of($"""
            <li><strong>{revision.Source}</strong> · {revision.SourceId} · version {revision.Version} · reçue le {DashboardText.When(revision.ReceivedAt)}{(revision.IsCurrent ? new Html(" · <em>en vigueur</em>") : Html.Empty)}
            {(revision.Changes is { IsEmpty: false } changes ? Html.Of($"<br>Changements : {changes.ToString()}") : Html.Empty)}
            <br>{notice.Links.Select(l => Html.Of($"<a href=\"{l.Url.AbsoluteUri}\" rel=\"noopener noreferrer\">{l.Title ?? "Avis sur le site de la source"}</a> · "))}<a href="{path}/revisions/{revision.Id}/raw">Contenu brut reçu</a></li>
            """);
    }

    private static async Task<Html> PackAsync(DashboardPage page, IStoreSession session, StockBlock block, CancellationToken token)
    {
        var scans = block.Serial is { } serial
            ? await session.Scans.FindBySerialAsync(block.ProductKey, serial, token).ConfigureAwait(false)
            : await session.Scans.FindByProductAsync(block.ProductKey, block.Lot, token).ConfigureAwait(false);
        var latest = scans.TakeLast(ScansPerPack).ToList();
        return Html.Of($"""
            <article class="pack{(block.IsActive ? " pack-blocked" : "")}" aria-labelledby="bloc-{block.Id}">
            <h3 id="bloc-{block.Id}">{(block.IsActive ? "Bloqué" : "Levé")} — {block.Gtin ?? block.ProductKey}{(block.Lot is { } lot ? Html.Text($", lot {lot}") : Html.Empty)}{(block.Serial is { } s ? Html.Text($", n° {s}") : Html.Empty)}</h3>
            <p>{block.Reason}{(block.NeedsManualCheck ? new Html(" <strong>À vérifier à la main.</strong>") : Html.Empty)} Depuis le {DashboardText.When(block.Since)}{(block.Workstation is { } w ? Html.Text($", poste {w}") : Html.Empty)}.</p>
            {(block.Lift is { } lift ? Html.Of($"<p>Levé par <strong>{lift.By}</strong> le {DashboardText.When(lift.At)} : « {lift.Reason} »</p>") : BlocksPage.LiftForm(page, block, $"/recalls/{block.RecallId}"))}
            <details><summary>Historique des scans ({scans.Count})</summary>
            <ul>{latest.Select(scan => Html.Of($"<li>{DashboardText.When(scan.Scan.ScannedAt)} — {DashboardText.Event(scan.Scan.Event)}{(scan.Scan.Workstation is { } ws ? Html.Text($", poste {ws}") : Html.Empty)}{(scan.Scan.Operator is { } op ? Html.Text($", par {op}") : Html.Empty)}{(scan.Scan.Serial is { } sn && block.Serial is null ? Html.Text($", n° {sn}") : Html.Empty)}</li>"))}</ul>
            </details>
            </article>
            """);
    }

    private static async Task<IReadOnlyList<StockBlock>> AllBlocksAsync(IStoreSession session, long recallId, CancellationToken token)
    {
        var page = await session.Blocks.ListAsync(new BlockFilter { RecallId = recallId }, new Paging(0, Paging.MaxLimit), token).ConfigureAwait(false);
        return page.Items;
    }
}
