using RecallHub.Abstractions.Plugins;
using RecallHub.Nmvs.Simulation;
using RecallHub.Sources.Nmvs.Client;

namespace RecallHub.Sources.Nmvs.Tests.Support;

/// <summary>Test data: the simulator's seed and packs of it.</summary>
internal static class Some
{
    public const string Amlodipine = "03400930270387";
    public const string Withdrawn = "03400937944892";
    public const string Unknown = "03400930246948";

    /// <summary>The fake clock's start: late November 2026, a Monday morning.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly A53014Expiry = new(2028, 2, 29);

    public static SimulatorSeed Seed() => new()
    {
        Products =
        [
            new SeedProduct(Amlodipine,
            [
                new SeedBatch("A53014", A53014Expiry,
                [
                    new SeedPack("S1"), new SeedPack("S2"), new SeedPack("S3"), new SeedPack("S4"), new SeedPack("S5"),
                    new SeedPack("STOLEN1", "Stolen"), new SeedPack("DESTROYED1", "Destroyed"), new SeedPack("LOCKED1", "Locked"),
                ]),
                new SeedBatch("R1", new DateOnly(2028, 6, 30), [new SeedPack("R1P1"), new SeedPack("R1P2")], Recalled: true),
                new SeedBatch("OLD", new DateOnly(2026, 1, 31), [new SeedPack("OLD1")]),
            ]),
            new SeedProduct(Withdrawn, [new SeedBatch("W1", new DateOnly(2027, 12, 31), [new SeedPack("W1P1")])], Withdrawn: true),
        ],
    };

    public static NmvsPack Pack(string serial, string batch = "A53014", DateOnly? expiry = null, string product = Amlodipine) =>
        new(product, batch, expiry ?? (batch == "A53014" ? A53014Expiry : null), serial);

    public static PackToVerify Scan(long scanId, string serial, PackScanEvent @event = PackScanEvent.Reception, string batch = "A53014", string product = Amlodipine) =>
        new(scanId, @event, product, serial, Now) { Lot = batch, Expiry = batch == "A53014" ? A53014Expiry : null };
}
