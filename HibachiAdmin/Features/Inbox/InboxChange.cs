namespace HibachiAdmin.Features.Inbox;

/// <summary>What changed: a thread got a message, a receipt, a status or an assignee.</summary>
public sealed record InboxChange(IReadOnlyCollection<Guid> ThreadIds);
