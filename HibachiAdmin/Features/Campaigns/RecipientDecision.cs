using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>The decision for one recipient: eligible now, or held with a reason (and, for delays, when it can go and why).</summary>
/// <param name="Explanation">For a delay: "Held until Sunday 12:00 CT — Texas allows 12:00–21:00 on Sundays (…)".</param>
/// <param name="Rule">For a delay: the stable key of the rule that sets the time (<c>TX:sunday</c>), to group holds by.</param>
public sealed record RecipientDecision(Guid ContactId, string? Phone, bool Eligible, string? Reason, DateTime? EarliestSendAt, string Text, SegmentCount Segments,
    string? Explanation = null, string? Rule = null);
