using RecallHub.Nmvs.Simulation;

namespace RecallHub.Host.Demo;

/// <summary>
/// The demo pharmacy's history, chosen against the recorded payloads (<c>Demo/Data/README.md</c>): boxes of lots the
/// ANSM, RappelConso and ACL Santé notices recall, boxes of other lots they do not, a dispensation, a device implanted
/// for a patient, and today's delivery holding a batch the national verification system reports recalled.
/// </summary>
internal static class DemoPharmacy
{
    /// <summary>The pump implanted for <see cref="ImplantPatient"/>: serial inside the ACL Santé notice's SN10000–SN10499.</summary>
    public static readonly DemoPack ImplantedPump = new("Pompe Exemple P2", "08714729000020", new DateOnly(2029, 6, 30), "P24031", "SN10042");

    /// <summary>The batch the simulator reports recalled, received today.</summary>
    public const string NmvsRecalledBatch = "PX2411";

    /// <summary>What was received in the last weeks, and stays on the shelf unless dispensed.</summary>
    public static IReadOnlyList<DemoPack> Receptions { get; } =
    [
        // ANSM, Tavneos (lot table notice): NAB87201 and NAB57003 are recalled, NAB99001 is not.
        new("Tavneos 10 mg, boîte de 30 gélules", "03400930270387", new DateOnly(2027, 2, 28), "NAB87201", "TAV30A1"),
        new("Tavneos 10 mg, boîte de 30 gélules", "03400930270387", new DateOnly(2027, 2, 28), "NAB87201", "TAV30A2"),
        new("Tavneos 10 mg, boîte de 90 gélules", "03400930246948", new DateOnly(2027, 1, 31), "NAB57003", "TAV90B2"),
        new("Tavneos 10 mg, boîte de 30 gélules", "03400930270387", new DateOnly(2028, 6, 30), "NAB99001", "TAV30C3"),

        // ANSM, Amlodipine EG 5 mg lot A53014 (a recall that reaches patients).
        new("Amlodipine EG 5 mg, boîte de 30 gélules", "03400937944892", new DateOnly(2028, 2, 29), "A53014", "AML5X1"),
        new("Amlodipine EG 5 mg, boîte de 30 gélules", "03400937944892", new DateOnly(2028, 2, 29), "A53014", "AML5X2"),

        // RappelConso: a food supplement (real record) and a baby cream sold in pharmacies; not serialised.
        new("Keto slim nuit, complément alimentaire", "03760289220694", new DateOnly(2027, 4, 30), "KEN134F"),
        new("Crème apaisante bébé 100 ml", "03401560012347", new DateOnly(2027, 8, 31), "L24087"),

        // ANSM and ACL Santé (the same alert R2619855): a catheter lot.
        new("Cathéter Exemple XYZ", "08714729000013", new DateOnly(2028, 12, 31), "0031234567"),

        // Not recalled by anyone.
        new("Paracétamol Exemple 1 g, boîte de 8 comprimés", "03400936123458", new DateOnly(2028, 9, 30), "PX2301", "PARA01"),
    ];

    /// <summary>Dispensed at the counter after reception.</summary>
    public static IReadOnlyList<DemoPack> Dispensations { get; } = [Receptions[1], Receptions[5]];

    /// <summary>Today's delivery: two boxes of the batch the national system reports recalled.</summary>
    public static IReadOnlyList<DemoPack> TodaysDelivery { get; } =
    [
        new("Paracétamol Exemple 1 g, boîte de 8 comprimés", "03400936123458", new DateOnly(2028, 11, 30), NmvsRecalledBatch, "PARA11"),
        new("Paracétamol Exemple 1 g, boîte de 8 comprimés", "03400936123458", new DateOnly(2028, 11, 30), NmvsRecalledBatch, "PARA12"),
    ];

    /// <summary>The patient of the implantation: an invented identity whose INS key is right.</summary>
    public static object ImplantPatient { get; } = new
    {
        ins = "1 84 12 75 108 042 31",
        family_name = "Lefèvre",
        given_names = "Paul",
        birth_date = "1984-12-03",
    };

    /// <summary>Every pack at reception or delivered today, by label, to name the blocked ones in the report.</summary>
    public static IEnumerable<DemoPack> All => [.. Receptions, .. TodaysDelivery, ImplantedPump];

    /// <summary>
    /// What the simulated national system knows: every serialised medicine the pharmacy scans, active, and today's
    /// batch recalled.
    /// </summary>
    public static SimulatorSeed NmvsSeed() => new()
    {
        Products = [.. All.Where(p => p.IsVerified)
            .GroupBy(p => p.Gtin, StringComparer.Ordinal)
            .Select(product => new SeedProduct(product.Key, [.. product
                .GroupBy(p => (p.Lot, p.Expiry))
                .Select(batch => new SeedBatch(
                    batch.Key.Lot,
                    batch.Key.Expiry,
                    [.. batch.Select(p => new SeedPack(p.Serial!))],
                    Recalled: batch.Key.Lot == NmvsRecalledBatch))]))],
    };
}
