using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>How the inbox is doing, for the dashboard: threads waiting for us and how fast we answer.</summary>
/// <param name="Unanswered">Open threads whose last message is the customer's.</param>
/// <param name="OldestWaitingSince">When the longest-waiting of those customers wrote (null when none waits).</param>
/// <param name="MedianFirstResponse">Median time from a customer's first unanswered message to our reply, over replies in the window.</param>
public sealed record InboxPulse(int Unanswered, DateTime? OldestWaitingSince, TimeSpan? MedianFirstResponse, int Responses);
