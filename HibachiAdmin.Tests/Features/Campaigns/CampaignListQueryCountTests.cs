using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>The campaign list (page, API, the QR editor's choice of campaign) costs the same few queries however many campaigns it shows.</summary>
public sealed class CampaignListQueryCountTests
{
    [Fact]
    public async Task Listing_campaigns_runs_a_fixed_number_of_queries_whatever_their_number()
    {
        await using var t = new CampaignTestApp();
        var campaigns = t.Get<CampaignService>();
        async Task<int> CommandsOfListAsync()
        {
            t.Commands.StartCounting();
            var list = await campaigns.ListSummariesAsync(default);
            var count = t.Commands.Count;
            t.Commands.Disarm();
            Assert.NotEmpty(list);
            return count;
        }
        async Task SentCampaignAsync()
        {
            var (id, people) = await t.CampaignAsync(2);
            await t.SendAsync(id);
            await t.ReceiptAsync(await t.TextToAsync(id, people[0]), OutboundStatus.Delivered);
        }

        await SentCampaignAsync();
        await SentCampaignAsync();
        var two = await CommandsOfListAsync();
        for (var i = 0; i < 6; i++)
        {
            await SentCampaignAsync();
        }
        var eight = await CommandsOfListAsync();

        Assert.Equal(two, eight);
        Assert.True(eight <= 6, $"{eight} commands");
        var summaries = await campaigns.ListSummariesAsync(default);
        Assert.Equal(8, summaries.Count);
        Assert.All(summaries, s => Assert.Equal((2, 1, 1), (s.Counts.Recipients, s.Counts.Delivered, s.Counts.Sent)));
    }
}
