namespace RecallHub.Abstractions.Plugins;

/// <summary>A verifier's answer for one pack.</summary>
/// <param name="ScanId">The <see cref="PackToVerify.ScanId"/> it answers.</param>
/// <param name="Status">What the verification says.</param>
/// <param name="Message">What happened, in plain French for the person scanning.</param>
/// <param name="Action">What to do now, in plain French.</param>
public sealed record PackVerification(long ScanId, PackVerificationStatus Status, string Message, string Action)
{
    /// <summary>The national system's return code as received (<c>NMVS_NC_PCK_22</c>), kept for the record.</summary>
    public string? Code { get; init; }

    /// <summary>The national system's alert identifier, when the answer raised an alert.</summary>
    public string? AlertId { get; init; }

    /// <summary>The pack's state in the national system (<c>Active</c>, <c>Supplied</c>…), when it said.</summary>
    public string? PackState { get; init; }
}
