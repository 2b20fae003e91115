namespace RecallHub.Host.Demo;

/// <summary>What the demo did, read back from the hub's API: the report it prints, and what its test checks.</summary>
/// <param name="Folder">The temporary folder (database, plugins.json, certificates).</param>
/// <param name="Sources">Per source: notices received and packs blocked.</param>
/// <param name="BlockedPacks">The active blocks, oldest first.</param>
/// <param name="NmvsAlert">The national system's alert on today's delivery, if it raised one.</param>
/// <param name="ImplantRecalls">Device recalls with implanted patients to contact.</param>
/// <param name="HubUrl">Where the hub listens.</param>
internal sealed record DemoReport(
    string Folder,
    IReadOnlyList<DemoSourceOutcome> Sources,
    IReadOnlyList<DemoBlockedPack> BlockedPacks,
    DemoNmvsAlert? NmvsAlert,
    IReadOnlyList<DemoImplantRecall> ImplantRecalls,
    Uri HubUrl);
