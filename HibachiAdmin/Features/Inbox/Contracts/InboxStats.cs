using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Inbox.Contracts;

/// <param name="MedianFirstResponseMinutes">Median time from a customer's first unanswered message to a person's reply; null when nothing was answered.</param>
/// <param name="ResponseRate">Share of customer turns (messages after our last reply) that got a reply from a person.</param>
/// <param name="OpenBacklog">Open threads waiting on us right now.</param>
public sealed record InboxStats(IReadOnlyList<DayVolume> Days, double? MedianFirstResponseMinutes, double ResponseRate, int CustomerTurns, int OpenBacklog, DateTime? OldestWaitingSince);
