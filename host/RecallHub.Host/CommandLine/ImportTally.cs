namespace RecallHub.Host.CommandLine;

/// <summary>What an import has done so far.</summary>
internal sealed class ImportTally
{
    /// <summary>Scans stored.</summary>
    public long Stored { get; set; }

    /// <summary>Lines refused: unreadable lines, and scans the engine refused.</summary>
    public long Refused { get; set; }

    /// <summary>Packs newly blocked by the stored scans.</summary>
    public long Blocked { get; set; }

    /// <summary>Lines handled, stored or refused.</summary>
    public long Handled => Stored + Refused;
}
