namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// The pharmacy's daily recall digest, built and rendered by the hub: a sink sends it as it is (the e-mail sink mails
/// it), it does not compose it. Since contract 1.1.
/// </summary>
/// <param name="Day">The day it is for, in Europe/Paris: one digest per day, so a sink may use it as an idempotency key.</param>
/// <param name="Subject">The subject line, plain text.</param>
/// <param name="Html">The HTML part; every text from a recall or a scan in it is already HTML-encoded.</param>
/// <param name="Text">The plain-text part.</param>
public sealed record DigestDocument(DateOnly Day, string Subject, string Html, string Text);
