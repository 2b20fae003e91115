namespace RecallHub.Core.FollowUp;

/// <summary>The stable codes of <see cref="FollowUpActionKind"/>, as stored in <c>recall_actions.action</c>.</summary>
public static class FollowUpActions
{
    /// <summary>The stored code of a kind (<c>quarantined</c>, <c>not_concerned</c>…).</summary>
    /// <param name="kind">The kind.</param>
    public static string Code(FollowUpActionKind kind) => kind switch
    {
        FollowUpActionKind.Quarantined => "quarantined",
        FollowUpActionKind.Returned => "returned",
        FollowUpActionKind.Destroyed => "destroyed",
        FollowUpActionKind.NotConcerned => "not_concerned",
        FollowUpActionKind.PatientsContacted => "patients_contacted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an action kind."),
    };

    /// <summary>The kind a stored code names, or <see langword="null"/> for free text recorded some other way.</summary>
    /// <param name="code">The stored code.</param>
    public static FollowUpActionKind? Parse(string? code) =>
        Enum.GetValues<FollowUpActionKind>().Cast<FollowUpActionKind?>().FirstOrDefault(k => Code(k!.Value) == code);

    /// <summary>Whether the kind counts packs, so that a quantity is required.</summary>
    /// <param name="kind">The kind.</param>
    public static bool CountsPacks(FollowUpActionKind kind) =>
        kind is FollowUpActionKind.Quarantined or FollowUpActionKind.Returned or FollowUpActionKind.Destroyed;
}
