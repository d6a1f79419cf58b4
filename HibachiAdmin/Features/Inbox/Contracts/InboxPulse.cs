using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>How the inbox is doing, for the dashboard: threads waiting for us and how fast we answer (the same definitions as Social analytics).</summary>
/// <param name="Unanswered">Threads waiting for a reply now: a customer wrote and no person has answered (an automated reply or opening the thread is no answer).</param>
/// <param name="OldestWaitingSince">When the longest-waiting of those customers wrote (null when none waits).</param>
/// <param name="MedianFirstResponse">Median time from a customer's first unanswered message to a person's reply, over customer turns started in the window.</param>
/// <param name="Responses">Turns in the window a person answered.</param>
public sealed record InboxPulse(int Unanswered, DateTime? OldestWaitingSince, TimeSpan? MedianFirstResponse, int Responses);
