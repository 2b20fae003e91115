namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>How the receiver answers one request.</summary>
internal sealed record PlannedAnswer(int Status, string Body = "", bool Hang = false)
{
    public static PlannedAnswer NoAnswer => new(0, "", Hang: true);
}
