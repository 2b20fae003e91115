using System.Globalization;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Digest;

/// <summary>
/// The once-a-day record of a pharmacy's digest in <c>plugin_state</c> (owner <see cref="DailyDigest.StateOwner"/>),
/// claimed inside the transaction that enqueues the digest, so that two hosts (or the schedule and
/// <c>recallhub digest --send</c>) never both send a day.
/// </summary>
/// <remarks>
/// <para><see cref="IPluginStateRepository"/> offers no conditional write (its set replaces and says nothing of what
/// was there), so the claim is a write before the read: the claim key is written first, which on PostgreSQL takes the
/// row's lock and waits for a concurrent sender's uncommitted claim of the same pharmacy; the last-sent day is read
/// after it, in a new statement, which under READ COMMITTED sees what that sender committed. On SQLite the transaction
/// holds the file's write lock from its start, so the two steps are serial anyway.</para>
/// <para>A store method <c>Task&lt;bool&gt; TryAddAsync(owner, key, value)</c> (an insert that does nothing when the
/// key exists, answering whether it inserted) would let a per-pharmacy-day key (<c>sent:yyyy-MM-dd:FINESS</c>) itself
/// be the claim, without relying on row locks; <see cref="TryClaimAsync"/> is the one place to change then.</para>
/// </remarks>
internal static class DigestDayClaim
{
    /// <summary>The key holding the last day sent, <c>yyyy-MM-dd</c>: <c>last_sent_day</c>, then <c>:FINESS</c> in a multi-pharmacy hub.</summary>
    public static string LastSentKey(PharmacyScope scope) => Keyed(DailyDigest.LastSentKey, scope);

    /// <summary>The key a sender writes first, to wait for any other sender of the same pharmacy.</summary>
    public static string ClaimKey(PharmacyScope scope) => Keyed("sending", scope);

    /// <summary>
    /// Claims <paramref name="day"/> for the session's pharmacy, inside the session's transaction.
    /// </summary>
    /// <returns>
    /// Whether the day is claimed (send, then <see cref="RecordAsync"/>, then commit; else roll back and send nothing),
    /// and the last day sent before this call.
    /// </returns>
    public static async Task<(bool Claimed, DateOnly? LastSent)> TryClaimAsync(IStoreSession session, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.PluginState.SetAsync(DailyDigest.StateOwner, ClaimKey(session.Scope), Text(day), cancellationToken).ConfigureAwait(false);
        var last = Read(await session.PluginState.GetAsync(DailyDigest.StateOwner, LastSentKey(session.Scope), cancellationToken).ConfigureAwait(false));
        return (last is not { } sent || sent < day, last);
    }

    /// <summary>Records <paramref name="day"/> as sent, in the transaction that enqueued its digest.</summary>
    public static Task RecordAsync(IStoreSession session, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.PluginState.SetAsync(DailyDigest.StateOwner, LastSentKey(session.Scope), Text(day), cancellationToken);
    }

    private static string Keyed(string key, PharmacyScope scope) => scope.Finess is { } finess ? $"{key}:{finess}" : key;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Read(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
