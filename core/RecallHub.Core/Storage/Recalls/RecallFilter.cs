using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>Which recalls to list; every criterion left <see langword="null"/> is ignored.</summary>
public sealed record RecallFilter
{
    /// <summary>Every recall.</summary>
    public static RecallFilter All { get; } = new();

    /// <summary>Only recalls published (at least once) by this source.</summary>
    public string? Source { get; init; }

    /// <summary>Only recalls of this kind.</summary>
    public NoticeKind? Kind { get; init; }

    /// <summary>Only recalls with this status.</summary>
    public RecallStatus? Status { get; init; }

    /// <summary>Only the recall with this alert number (compared normalised).</summary>
    public string? AlertNumber { get; init; }

    /// <summary>Only recalls published at or after this instant.</summary>
    public DateTimeOffset? PublishedFrom { get; init; }

    /// <summary>Only recalls published before this instant.</summary>
    public DateTimeOffset? PublishedBefore { get; init; }

    /// <summary>Only recalls the hub first received at or after this instant (a source may publish late).</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Only recalls the hub first received before this instant.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }
}
