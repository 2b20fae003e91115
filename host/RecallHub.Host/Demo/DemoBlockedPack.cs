namespace RecallHub.Host.Demo;

/// <summary>A block the demo placed, as the hub lists it.</summary>
/// <param name="BlockId">The block's id.</param>
/// <param name="Pack">The pack, named as the pharmacy knows it (label, lot, serial).</param>
/// <param name="Reason">The hub's French reason: the recall and what to do.</param>
internal sealed record DemoBlockedPack(long BlockId, string Pack, string Reason);
