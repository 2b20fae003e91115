namespace RecallHub.Host.Digest;

/// <summary>What asking for a day's digest to be sent did.</summary>
internal enum DigestSendOutcome
{
    /// <summary>Written to every sink's outbox; the day is recorded as sent.</summary>
    Sent,

    /// <summary>Nothing written: this day's digest (or a later one) was already sent.</summary>
    AlreadySent,

    /// <summary>Nothing written: no sink is configured, so nothing could carry it; the day is not recorded.</summary>
    NoSink,
}
