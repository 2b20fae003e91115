namespace RecallHub.Host.Digest;

/// <summary>The digest's log lines, the same from the schedule and the catch-up.</summary>
internal static partial class DigestLog
{
    public static void Result(ILogger log, DigestSendResult result)
    {
        switch (result.Outcome)
        {
            case DigestSendOutcome.Sent:
                Sent(log, result.Day, result.EventId);
                break;
            case DigestSendOutcome.AlreadySent:
                AlreadySent(log, result.Day, result.LastSentDay);
                break;
            default:
                NoSink(log, result.Day);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Day}: written to the sinks' outbox (event {EventId}).")]
    private static partial void Sent(ILogger log, DateOnly day, string? eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Day}: already sent (last sent: {LastSentDay}), nothing sent again.")]
    private static partial void AlreadySent(ILogger log, DateOnly day, DateOnly? lastSentDay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest of {Day}: no sink is configured in plugins.json, so nothing can carry it; not sent.")]
    private static partial void NoSink(ILogger log, DateOnly day);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest of {Day}: failed.")]
    public static partial void Failed(ILogger log, DateOnly day, Exception exception);
}
