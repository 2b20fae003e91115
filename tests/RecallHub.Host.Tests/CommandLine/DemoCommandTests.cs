using Microsoft.Data.Sqlite;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

/// <summary>
/// <c>recallhub demo --no-serve</c> runs to completion — real plugins from the host's demo-plugins folder, recorded
/// payloads on 127.0.0.1, the NMVS simulator over TLS — and its printed report says what the store holds.
/// </summary>
public sealed class DemoCommandTests
{
    private const string KeptFolder = "Dossier de la démonstration conservé : ";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_ReportsEachSourcesRecalls_TheBlockedPacks_TheNmvsAlert_AndOnePatientToContact()
    {
        var run = await CommandLineRun.Of(["demo", "--no-serve", "--keep", "--urls", "http://127.0.0.1:0"]);
        string folder = run.OutputLines.Single(l => l.StartsWith(KeptFolder, StringComparison.Ordinal))[KeptFolder.Length..];
        try
        {
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Contains("5 plugins chargés depuis leurs dossiers (ansm, rappelconso, acl-sante, nmvs, implant-register)", run.Output, StringComparison.Ordinal);

            // Recalls per source: what each pull received and blocked on arrival.
            Assert.Contains("ANSM : 5 rappel(s) enregistré(s) (5 avis reçus), 4 boîte(s) bloquée(s) à leur arrivée", run.OutputLines);
            Assert.Contains("RappelConso : 3 rappel(s) enregistré(s) (3 avis reçus), 2 boîte(s) bloquée(s) à leur arrivée", run.OutputLines);
            Assert.Contains("ACL Santé : 2 rappel(s) enregistré(s) (2 avis reçus), 0 boîte(s) bloquée(s) à leur arrivée", run.OutputLines);
            Assert.Contains("  - NMVS : lot PX2411 rappelé (03400936123458)", run.OutputLines);

            // The blocked packs: the recalled lots in stock, not the dispensed boxes nor the other lots.
            string[] blocked =
            [
                "- Amlodipine EG 5 mg, boîte de 30 gélules — lot A53014, boîte n° AML5X1",
                "- Cathéter Exemple XYZ — lot 0031234567",
                "- Tavneos 10 mg, boîte de 30 gélules — lot NAB87201, boîte n° TAV30A1",
                "- Tavneos 10 mg, boîte de 90 gélules — lot NAB57003, boîte n° TAV90B2",
                "- Keto slim nuit, complément alimentaire — lot KEN134F",
                "- Crème apaisante bébé 100 ml — lot L24087",
                "- Paracétamol Exemple 1 g, boîte de 8 comprimés — lot PX2411, boîte n° PARA11",
                "- Paracétamol Exemple 1 g, boîte de 8 comprimés — lot PX2411, boîte n° PARA12",
            ];
            Assert.Contains("== Boîtes bloquées (8) : à retirer du stock, ne pas délivrer", run.OutputLines);
            Assert.All(blocked, line => Assert.Contains(line, run.OutputLines));
            Assert.DoesNotContain(run.OutputLines, l => l.Contains("TAV30A2", StringComparison.Ordinal) && l.StartsWith("- ", StringComparison.Ordinal));

            // The NMVS plugin's own sentence and action for a recalled batch.
            Assert.Contains(
                "  Le lot PX2411 de cette boîte a été rappelé : le système national de vérification le signale (code NMVS NMVS_FE_LOT_01, alerte n° SIM-000001).",
                run.OutputLines);
            Assert.Contains(run.OutputLines, l => l.StartsWith("  À faire : Ne pas la délivrer : mettre en quarantaine toutes les boîtes du lot PX2411", StringComparison.Ordinal));

            // One implanted patient to contact, counted from the register's patients query.
            Assert.Contains("- AVIS DE SÉCURITÉ URGENT – Pompe Exemple P2 et tensiomètre Exemple T1 : 1 patient(s) à contacter", run.OutputLines);

            // The digest the pharmacist would receive tomorrow morning, written beside the store.
            string digest = Path.Combine(folder, "digest-preview.html");
            Assert.Contains($"Aperçu du récapitulatif quotidien (ce que la pharmacie recevra demain matin) : {digest}", run.OutputLines);
            Assert.Contains("PX2411", await File.ReadAllTextAsync(digest, Cancel), StringComparison.Ordinal);
            Assert.Contains(run.OutputLines, l => l.StartsWith("Compte du tableau de bord (rôle pharmacien) : identifiant « pharmacienne », mot de passe « ", StringComparison.Ordinal));

            // The store agrees with the report.
            using (var store = await SqliteRecallHubStore.OpenAsync(Path.Combine(folder, "recallhub.db"), Some.Clock(), cancellationToken: Cancel))
            {
                await using var session = await store.OpenSessionAsync(Cancel);
                var active = await session.Blocks.ListAsync(new BlockFilter { Active = true }, new Paging(0, 1000), Cancel);
                Assert.Equal(
                    ["0031234567/", "A53014/AML5X1", "KEN134F/", "L24087/", "NAB57003/TAV90B2", "NAB87201/TAV30A1", "PX2411/PARA11", "PX2411/PARA12"],
                    active.Items.Select(b => $"{b.Lot}/{b.Serial}").Order(StringComparer.Ordinal));
            }

            // The patients' read was audited by the register, under the patients key's name.
            SqliteConnection.ClearAllPools();
            await using var register = new SqliteConnection($"Data Source={Path.Combine(folder, "implant-register.db")};Mode=ReadOnly");
            await register.OpenAsync(Cancel);
            await using var audit = register.CreateCommand();
            audit.CommandText = "SELECT count(*) FROM audit WHERE who = 'pharmacien-demo-patients' AND query = 'recall-patients' AND rows = 1";
            Assert.Equal(1L, (long)(await audit.ExecuteScalarAsync(Cancel))!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
