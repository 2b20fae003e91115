using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Api;

/// <summary>The API's names for the engine's enumerations: snake_case, as in the notices' JSON.</summary>
internal static class ApiNames
{
    /// <summary>The event names a scan may carry.</summary>
    public static readonly IReadOnlyDictionary<string, PackEvent> PackEvents = ByName<PackEvent>();

    /// <summary>The notice kinds.</summary>
    public static readonly IReadOnlyDictionary<string, NoticeKind> NoticeKinds = ByName<NoticeKind>();

    /// <summary>The recall statuses.</summary>
    public static readonly IReadOnlyDictionary<string, RecallStatus> RecallStatuses = ByName<RecallStatus>();

    /// <summary>The snake_case name of <paramref name="value"/>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The levels set in <paramref name="levels"/>, as the notices' JSON lists them.</summary>
    public static IReadOnlyList<string> Levels(RecallLevels levels) =>
        [.. Enum.GetValues<RecallLevels>().Where(l => l != RecallLevels.None && levels.HasFlag(l)).Select(l => Name(l))];

    /// <summary>What storing a notice did: <c>new_recall</c>, <c>new_revision</c>, <c>linked</c>, <c>unchanged</c>, <c>outdated</c>.</summary>
    public static string Outcome(RecallUpsertOutcome outcome) => outcome == RecallUpsertOutcome.Created ? "new_recall" : Name(outcome);

    private static Dictionary<string, T> ByName<T>()
        where T : struct, Enum => Enum.GetValues<T>().ToDictionary(v => Name(v), v => v, StringComparer.Ordinal);
}
