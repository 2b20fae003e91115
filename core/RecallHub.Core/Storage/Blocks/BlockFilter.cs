namespace RecallHub.Core.Storage;

/// <summary>Which blocks to list; every criterion left <see langword="null"/> is ignored.</summary>
public sealed record BlockFilter
{
    /// <summary>Every block.</summary>
    public static BlockFilter All { get; } = new();

    /// <summary>Only blocks that hold (<see langword="true"/>) or that were lifted (<see langword="false"/>).</summary>
    public bool? Active { get; init; }

    /// <summary>Only blocks of this recall.</summary>
    public long? RecallId { get; init; }

    /// <summary>Only blocks of this product key.</summary>
    public string? ProductKey { get; init; }
}
