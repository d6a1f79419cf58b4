namespace HibachiAdmin.Features.Campaigns.Contracts;

/// <summary>A person's clicks on campaigns' tracked links (implemented by <c>CampaignService</c>).</summary>
public interface ICampaignLinks
{
    /// <summary>The newest clicks first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<LinkClickView>> ClicksForContactAsync(Guid contactId, int max, CancellationToken ct);
}
