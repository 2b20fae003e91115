using System.Globalization;
using System.Text.Json;

namespace RecallHub.Host.Demo;

/// <summary>The story the demo plays through the HTTP API, as a pharmacy's software and its pharmacist would.</summary>
internal sealed partial class DemoRun
{
    private static readonly (string Id, string Name)[] PulledSources = [("ansm", "ANSM"), ("rappelconso", "RappelConso"), ("acl-sante", "ACL Santé")];

    private async Task<DemoReport> PlayAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var received = await ScanAsync(DemoPharmacy.Receptions.Select(p => Scan(p, "reception", now.AddDays(-20), "reception-1", "Claire")), cancellationToken).ConfigureAwait(false);
        int verified = received.Count(r => r.TryGetProperty("verification", out var v) && v.ValueKind == JsonValueKind.Object && v.GetProperty("status").GetString() == "verified");
        await Say($"Réceptions d'il y a trois semaines : {received.Count} boîtes et dispositifs scannés ; {verified} boîtes sérialisées vérifiées actives auprès du NMVS.").ConfigureAwait(false);

        var pump = DemoPharmacy.ImplantedPump;
        await ScanAsync(
            [new Dictionary<string, object?>(Scan(pump, "implantation", now.AddDays(-10), "bloc-2", "IBODE Durand"))
            {
                ["patient"] = DemoPharmacy.ImplantPatient,
                ["prescriber"] = new { name = "Dr Jean Martin", rpps = "10003456789" },
                ["place"] = "Bloc 2, Clinique du Parc",
            }],
            cancellationToken).ConfigureAwait(false);
        await Say($"Implantation il y a dix jours : {pump.Describe()}, pour un patient (identité chiffrée dès réception ; le registre des implants l'enregistre).").ConfigureAwait(false);

        await ScanAsync(DemoPharmacy.Dispensations.Select(p => Scan(p, "dispensation", now.AddDays(-6), "comptoir-1", "Marc")), cancellationToken).ConfigureAwait(false);
        await Say($"Délivrances au comptoir il y a six jours : {string.Join(" ; ", DemoPharmacy.Dispensations.Select(p => p.Describe()))}.").ConfigureAwait(false);

        var pulls = new List<(string Id, string Name, JsonElement Answer)>();
        foreach (var (id, name) in PulledSources)
        {
            var (_, answer) = await SendAsync(HttpMethod.Post, $"/api/v1/sources/{id}/pull", _adminKey, null, cancellationToken).ConfigureAwait(false);
            pulls.Add((id, name, answer));
            await Say(answer.GetProperty("status").GetString() == "succeeded"
                ? $"{name} interrogé : {answer.GetProperty("notices").GetInt32()} avis reçus, {answer.GetProperty("packs_blocked").GetInt32()} boîtes bloquées."
                : $"{name} : l'interrogation a échoué ({answer.GetProperty("error").GetString()}).").ConfigureAwait(false);
        }

        var delivery = await ScanAsync(DemoPharmacy.TodaysDelivery.Select(p => Scan(p, "reception", null, "reception-1", "Claire")), cancellationToken).ConfigureAwait(false);
        var alert = NmvsAlert(delivery);
        await Say(alert is null
            ? "Réception du jour : le NMVS n'a rien signalé."
            : $"Réception du jour : {DemoPharmacy.TodaysDelivery.Count} boîtes ; le NMVS signale une alerte ({alert.Code}).").ConfigureAwait(false);

        await WaitForImplantRegisterAsync(cancellationToken).ConfigureAwait(false);
        var sources = new List<DemoSourceOutcome>();
        foreach (var (id, name, answer) in pulls)
        {
            bool succeeded = answer.GetProperty("status").GetString() == "succeeded";
            sources.Add(new DemoSourceOutcome(
                id,
                name,
                answer.GetProperty("notices").GetInt32(),
                answer.GetProperty("new_or_revised").GetInt32(),
                answer.GetProperty("packs_blocked").GetInt32(),
                await RecallTitlesAsync(id, cancellationToken).ConfigureAwait(false),
                succeeded ? null : answer.GetProperty("error").GetString()));
        }

        var nmvsTitles = await RecallTitlesAsync("nmvs", cancellationToken).ConfigureAwait(false);
        sources.Add(new DemoSourceOutcome("nmvs", "NMVS", nmvsTitles.Count, nmvsTitles.Count, 0, nmvsTitles, null));
        return new DemoReport(
            _folder,
            sources,
            await BlockedPacksAsync(cancellationToken).ConfigureAwait(false),
            alert,
            await ImplantRecallsAsync(cancellationToken).ConfigureAwait(false),
            _http!.BaseAddress!);
    }

    private static Dictionary<string, object?> Scan(DemoPack pack, string @event, DateTimeOffset? at, string workstation, string who) => new()
    {
        ["code"] = pack.Code,
        ["event"] = @event,
        ["scanned_at"] = at?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["workstation"] = workstation,
        ["operator"] = who,
    };

    private async Task<List<JsonElement>> ScanAsync(IEnumerable<Dictionary<string, object?>> scans, CancellationToken cancellationToken)
    {
        var (_, answer) = await SendAsync(HttpMethod.Post, "/api/v1/scans", _lgoKey, new { scans = scans.Select(s => s.Where(p => p.Value is not null).ToDictionary()) }, cancellationToken).ConfigureAwait(false);
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        if (results.FirstOrDefault(r => !r.GetProperty("stored").GetBoolean()) is { ValueKind: JsonValueKind.Object } refused)
        {
            throw new InvalidOperationException($"The hub refused a demo scan: {refused}");
        }

        return results;
    }

    private static DemoNmvsAlert? NmvsAlert(List<JsonElement> delivery)
    {
        foreach (var (result, pack) in delivery.Zip(DemoPharmacy.TodaysDelivery))
        {
            if (result.GetProperty("verification") is { ValueKind: JsonValueKind.Object } verification && verification.GetProperty("status").GetString() == "alert")
            {
                return new DemoNmvsAlert(
                    pack.Describe(),
                    verification.GetProperty("code").GetString(),
                    verification.GetProperty("message").GetString() ?? "",
                    verification.GetProperty("action").GetString() ?? "");
            }
        }

        return null;
    }

    // The register learns handovers and recalls from the outbox, in the background: wait until it has everything.
    private async Task WaitForImplantRegisterAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 600; attempt++)
        {
            var (_, health) = await SendAsync(HttpMethod.Get, "/health", null, null, cancellationToken).ConfigureAwait(false);
            if (health.TryGetProperty("sinks", out var sinks)
                && sinks.EnumerateArray().Where(s => s.GetProperty("id").GetString() == "implant-register").All(s => s.GetProperty("pending").GetInt64() == 0))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        await Say("Le registre des implants n'a pas encore tout reçu : le décompte des patients peut être incomplet.").ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> RecallTitlesAsync(string source, CancellationToken cancellationToken)
    {
        var (_, page) = await SendAsync(HttpMethod.Get, $"/api/v1/recalls?source={source}&limit=1000", _adminKey, null, cancellationToken).ConfigureAwait(false);
        return [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("title").GetString() ?? "")];
    }

    private async Task<IReadOnlyList<DemoBlockedPack>> BlockedPacksAsync(CancellationToken cancellationToken)
    {
        var (_, page) = await SendAsync(HttpMethod.Get, "/api/v1/blocks?state=active&limit=1000", _adminKey, null, cancellationToken).ConfigureAwait(false);
        return [.. page.GetProperty("items").EnumerateArray()
            .Select(b => new DemoBlockedPack(b.GetProperty("id").GetInt64(), Name(b), b.GetProperty("reason").GetString() ?? ""))
            .OrderBy(b => b.BlockId)];

        static string Name(JsonElement block)
        {
            string? gtin = block.GetProperty("gtin").GetString(), lot = block.GetProperty("lot").GetString(), serial = block.GetProperty("serial").GetString();
            var pack = DemoPharmacy.All.FirstOrDefault(p => p.Gtin == gtin && (lot is null || p.Lot == lot) && (serial is null || p.Serial == serial));
            return pack is null ? $"{gtin} — lot {lot ?? "?"}" : serial is null && pack.Serial is not null ? $"{pack.Label} — lot {lot}" : pack.Describe();
        }
    }

    // Implants are devices: ask the register about each device recall. Each answer opens patients' seals, so the
    // register audits the read under the patients key's name before answering.
    private async Task<IReadOnlyList<DemoImplantRecall>> ImplantRecallsAsync(CancellationToken cancellationToken)
    {
        var (_, page) = await SendAsync(HttpMethod.Get, "/api/v1/recalls?kind=device_field_safety_notice&limit=1000", _adminKey, null, cancellationToken).ConfigureAwait(false);
        var found = new List<DemoImplantRecall>();
        foreach (var recall in page.GetProperty("items").EnumerateArray())
        {
            long id = recall.GetProperty("id").GetInt64();
            var (_, answer) = await SendAsync(HttpMethod.Get, $"/api/v1/plugins/implant-register/queries/recall-patients?recall_id={id}", _patientsKey, null, cancellationToken).ConfigureAwait(false);
            int ins = answer.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf("ins");
            int patients = answer.GetProperty("rows").EnumerateArray().Select(r => r[ins].GetString()).Distinct(StringComparer.Ordinal).Count();
            if (patients > 0)
            {
                found.Add(new DemoImplantRecall(id, recall.GetProperty("title").GetString() ?? "", patients));
            }
        }

        return found;
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? key, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await _http!.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone())
            : throw new InvalidOperationException($"The hub answered {(int)response.StatusCode} to {method} {path}: {text}");
    }
}
