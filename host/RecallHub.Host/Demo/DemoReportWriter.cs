namespace RecallHub.Host.Demo;

/// <summary>Writes the demo's outcome for the pharmacist, in French.</summary>
internal static class DemoReportWriter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(DemoReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Rappels reçus").ConfigureAwait(false);
        foreach (var source in report.Sources)
        {
            await output.WriteLineAsync(source.Error is null
                ? $"{source.Name} : {source.RecallTitles.Count} rappel(s) enregistré(s) ({source.Notices} avis reçus), {source.PacksBlocked} boîte(s) bloquée(s) à leur arrivée"
                : $"{source.Name} : échec de l'interrogation — {source.Error}").ConfigureAwait(false);
            foreach (string title in source.RecallTitles)
            {
                await output.WriteLineAsync($"  - {title}").ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"== Boîtes bloquées ({report.BlockedPacks.Count}) : à retirer du stock, ne pas délivrer").ConfigureAwait(false);
        foreach (var block in report.BlockedPacks)
        {
            await output.WriteLineAsync($"- {block.Pack}").ConfigureAwait(false);
            await output.WriteLineAsync($"  {block.Reason}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Alerte NMVS (vérification des boîtes à la réception)").ConfigureAwait(false);
        if (report.NmvsAlert is { } alert)
        {
            await output.WriteLineAsync($"- {alert.Pack}").ConfigureAwait(false);
            await output.WriteLineAsync($"  {alert.Message}").ConfigureAwait(false);
            await output.WriteLineAsync($"  À faire : {alert.Action}").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync("Aucune alerte.").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Implants rappelés : patients à contacter").ConfigureAwait(false);
        foreach (var implant in report.ImplantRecalls)
        {
            await output.WriteLineAsync($"- {implant.Title} : {implant.PatientsToContact} patient(s) à contacter").ConfigureAwait(false);
            await output.WriteLineAsync($"  Qui : GET {new Uri(report.HubUrl, $"/api/v1/plugins/implant-register/queries/recall-patients?recall_id={implant.RecallId}")} avec la clé « patients » (chaque lecture est tracée dans le registre).").ConfigureAwait(false);
        }

        if (report.ImplantRecalls.Count == 0)
        {
            await output.WriteLineAsync("Aucun patient à contacter.").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
    }
}
