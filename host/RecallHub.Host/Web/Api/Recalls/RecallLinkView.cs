namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>A source's notice that is part of the recall: its first, or one linked to it (same alert number, or same product and lots).</summary>
/// <param name="Source">The source.</param>
/// <param name="SourceId">The notice's id at the source.</param>
/// <param name="CurrentVersion">Its latest version.</param>
/// <param name="FirstReceivedAt">When the hub first received it.</param>
internal sealed record RecallLinkView(string Source, string SourceId, int CurrentVersion, DateTimeOffset FirstReceivedAt);
