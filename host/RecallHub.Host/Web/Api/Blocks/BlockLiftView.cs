namespace RecallHub.Host.Web.Api.Blocks;

/// <summary>Who lifted a block, when and why.</summary>
internal sealed record BlockLiftView(string By, string Reason, DateTimeOffset At);
