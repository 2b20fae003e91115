namespace RecallHub.Abstractions.Notices;

/// <summary>What a notice asks of the pharmacy.</summary>
public enum NoticeKind
{
    /// <summary>Listed lots (or all lots) of a product must be taken out of circulation.</summary>
    LotRecall = 0,

    /// <summary>The product itself is withdrawn from the market, whatever the lot.</summary>
    ProductWithdrawal = 1,

    /// <summary>A medical-device field safety notice (FSN): corrective action, possibly a recall.</summary>
    DeviceFieldSafetyNotice = 2,

    /// <summary>A consumer-product recall (RappelConso: cosmetics, food supplements, infant products).</summary>
    ConsumerRecall = 3,

    /// <summary>Safety information with no product to take back.</summary>
    Information = 4,

    /// <summary>An alert raised by the national verification system (NMVS) for a batch or pack.</summary>
    VerificationAlert = 5,
}
