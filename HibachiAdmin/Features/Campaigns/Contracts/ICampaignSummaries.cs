namespace HibachiAdmin.Features.Campaigns.Contracts;

/// <summary>Campaigns as other features list them (implemented by <c>CampaignService</c>).</summary>
public interface ICampaignSummaries
{
    Task<CampaignSummary?> GetSummaryAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<CampaignSummary>> ListSummariesAsync(CancellationToken ct);
}
