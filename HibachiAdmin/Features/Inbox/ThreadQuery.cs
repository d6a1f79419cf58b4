using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Inbox;

/// <param name="Assignee">"mine" (with <paramref name="CurrentUser"/>), "unassigned", or a user id.</param>
/// <param name="Waiting">Only threads waiting for a reply (<see cref="WaitingRule"/>), the longest wait first: how the inbox opens.</param>
public sealed record ThreadQuery(Platform? Platform = null, ThreadStatus? Status = null, string? Assignee = null, string? CurrentUser = null,
    string? Search = null, bool UnreadOnly = false, int Page = 1, int PageSize = 50, bool Waiting = false);
