namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Which campaign an inbound text answers, so the lead it creates carries the campaign. Owned by
/// Messaging and implemented by Campaigns (which depends on Messaging to send), so Messaging never
/// depends on Campaigns.
/// </summary>
public interface ICampaignReplyAttribution
{
    /// <summary>The campaign whose text last reached the contact within the attribution window before <paramref name="atUtc"/>.</summary>
    Task<Guid?> LastCampaignToAsync(Guid contactId, DateTime atUtc, CancellationToken ct);
}
