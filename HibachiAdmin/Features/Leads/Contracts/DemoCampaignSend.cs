namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A campaign the demo sent: when, and to whom it went (opted-in people only).</summary>
public sealed record DemoCampaignSend(Guid CampaignId, DateTime SentAt, IReadOnlySet<Guid> Texted);
