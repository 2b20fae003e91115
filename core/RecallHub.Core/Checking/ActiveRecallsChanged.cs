using Mediator;

namespace RecallHub.Core.Checking;

/// <summary>Published after a commit that changed the active recalls or their lifted blocks: the counter's checker must be rebuilt.</summary>
public sealed record ActiveRecallsChanged : INotification;
