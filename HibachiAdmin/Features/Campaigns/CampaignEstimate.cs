namespace HibachiAdmin.Features.Campaigns;

/// <summary>What a marketer sees before sending (the estimate request's answer).</summary>
/// <param name="Encoding">Of the template rendered with fallbacks: GSM-7 or UCS-2.</param>
public sealed record CampaignEstimate(string Encoding, int Characters, int Segments, int Recipients, int Eligible, IReadOnlyDictionary<string, int> Held, decimal EstimatedCost);
