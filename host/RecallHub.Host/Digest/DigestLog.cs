namespace RecallHub.Host.Digest;

/// <summary>The digest's log lines, the same from the schedule and the catch-up.</summary>
internal static partial class DigestLog
{
    public static void Result(ILogger log, DigestSendResult result)
    {
        switch (result.Outcome)
        {
            case DigestSendOutcome.Sent:
                Sent(log, result.Day, Of(result), result.EventId);
                break;
            case DigestSendOutcome.AlreadySent:
                AlreadySent(log, result.Day, Of(result), result.LastSentDay);
                break;
            default:
                NoSink(log, result.Day, Of(result));
                break;
        }
    }

    // "the pharmacy" in a single-pharmacy hub, the FINESS number in a multi-pharmacy hub.
    private static string Of(DigestSendResult result) => result.Pharmacy is { } finess ? $"pharmacy {finess}" : "the pharmacy";

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Day} for {Pharmacy}: written to the sinks' outbox (event {EventId}).")]
    private static partial void Sent(ILogger log, DateOnly day, string pharmacy, string? eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Day} for {Pharmacy}: already sent (last sent: {LastSentDay}), nothing sent again.")]
    private static partial void AlreadySent(ILogger log, DateOnly day, string pharmacy, DateOnly? lastSentDay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest of {Day} for {Pharmacy}: no sink is configured in plugins.json, so nothing can carry it; not sent.")]
    private static partial void NoSink(ILogger log, DateOnly day, string pharmacy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest of {Day}: failed.")]
    public static partial void Failed(ILogger log, DateOnly day, Exception exception);
}
