namespace HibachiAdmin.Features.Campaigns;

/// <summary>Recipients held for the same reason by the same rule until the same time: one line of the preview.</summary>
/// <param name="Rule">The rule's stable key (<c>TX:sunday</c>, <c>federal</c>, <c>frequencyCap</c>); null for a skip.</param>
/// <param name="EarliestSendAt">When this group goes out; null for recipients who are not texted at all.</param>
public sealed record HoldGroup(string Reason, string? Rule, string Explanation, int Count, DateTime? EarliestSendAt);
