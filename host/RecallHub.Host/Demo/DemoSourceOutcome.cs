namespace RecallHub.Host.Demo;

/// <summary>What one source brought during the demo.</summary>
/// <param name="SourceId">The plugin id (<c>ansm</c>).</param>
/// <param name="Name">Its name for the pharmacist (ANSM).</param>
/// <param name="Notices">Notices received.</param>
/// <param name="NewOrRevised">Notices that made a new recall, a revision or a link.</param>
/// <param name="PacksBlocked">Packs its notices blocked.</param>
/// <param name="RecallTitles">The recalls it published, as stored.</param>
/// <param name="Error">Why the pull failed, or <see langword="null"/>.</param>
internal sealed record DemoSourceOutcome(
    string SourceId,
    string Name,
    int Notices,
    int NewOrRevised,
    int PacksBlocked,
    IReadOnlyList<string> RecallTitles,
    string? Error);
