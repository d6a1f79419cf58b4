namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// A campaign's links, campaign → click → lead → booking → money: clicks by people (previews and HEAD never count),
/// the people who clicked, the leads their clicks opened or joined, the bookings made from those leads (not cancelled)
/// and what those bookings are worth.
/// </summary>
public sealed record LinkFunnel(int Clicks, int People, int Leads, int Bookings, decimal Revenue, IReadOnlyList<LinkCount> Links)
{
    public static readonly LinkFunnel Empty = new(0, 0, 0, 0, 0m, []);
}
