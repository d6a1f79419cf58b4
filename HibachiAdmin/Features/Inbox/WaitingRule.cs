using System.Linq.Expressions;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// The one definition of "waiting for a reply", used by the top bar's badge, Home's "Waiting for a reply" tile, the
/// analytics backlog and the inbox's default list: a customer wrote and no person has answered since
/// (<see cref="ConversationThread.WaitingSince"/>: set by the customer's first unanswered message, cleared by a reply a
/// person wrote, or by resolving the thread), on a thread that is open (a snooze whose time has come counts as open).
/// Opening a thread is not an answer, and neither is an automated reply: the customer is still waiting for a person.
/// A thread set to pending (waiting on the customer) or snoozed until later is not waiting on us.
/// </summary>
public static class WaitingRule
{
    public static Expression<Func<ConversationThread, bool>> At(DateTime nowUtc) =>
        t => t.WaitingSince != null && (t.Status == ThreadStatus.Open || (t.Status == ThreadStatus.Snoozed && t.SnoozedUntil <= nowUtc));
}
