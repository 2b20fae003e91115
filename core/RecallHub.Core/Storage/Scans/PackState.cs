namespace RecallHub.Core.Storage;

/// <summary>The last known state of a serialised pack.</summary>
/// <param name="ProductKey">The pack's product key.</param>
/// <param name="Serial">The pack's serial number.</param>
/// <param name="Status">Where the pack is.</param>
/// <param name="LastScanId">The scan that set the state (the latest by scan time).</param>
/// <param name="ChangedAt">When that scan was made.</param>
public sealed record PackState(string ProductKey, string Serial, PackStatus Status, long LastScanId, DateTimeOffset ChangedAt);
