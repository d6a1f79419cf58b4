using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Inbox.Contracts;

/// <param name="MedianFirstResponseMinutes">Median time from a customer's first unanswered message to a person's reply (automated replies do not count), over turns started in the window; null when nothing was answered. Home shows the same number.</param>
/// <param name="ResponseRate">Share of customer turns (messages after a person's last reply) that got a reply from a person.</param>
/// <param name="OpenBacklog">Threads waiting for a reply right now (the badge's and Home's definition).</param>
public sealed record InboxStats(IReadOnlyList<DayVolume> Days, double? MedianFirstResponseMinutes, double ResponseRate, int CustomerTurns, int OpenBacklog, DateTime? OldestWaitingSince);
