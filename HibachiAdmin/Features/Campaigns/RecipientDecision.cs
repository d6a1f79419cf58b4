using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>The decision for one recipient: eligible now, or held with a reason (and, for delays, when it can go).</summary>
public sealed record RecipientDecision(Guid ContactId, string? Phone, bool Eligible, string? Reason, DateTime? EarliestSendAt, string Text, SegmentCount Segments);
