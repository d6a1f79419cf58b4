namespace HibachiAdmin.Features.Campaigns;

/// <summary>Clicks on one of a campaign's links (all recipients' copies of it).</summary>
public sealed record LinkCount(int Position, string Destination, int Clicks, int People);
