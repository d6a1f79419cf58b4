using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// The campaign page stays equal to a reload while receipts arrive (issue 24.2): it is told about changes (no polling)
/// and re-reads its counts, so what it shows live is what a fresh page shows, whatever order the receipts come in.
/// </summary>
public sealed class CampaignLiveProgressTests : MudTestContext
{
    private CampaignTestApp? _t;

    protected override async ValueTask DisposeResourcesAsync()
    {
        if (_t is not null)
        {
            await _t.DisposeAsync();
        }
    }

    private static string Progress(IRenderedComponent<CampaignPage> page) => page.Find("[data-testid=progress-text]").TextContent.Trim();

    private static string Donut(IRenderedComponent<CampaignPage> page) => page.Find("[data-testid=status-chart]").TextContent.Trim();

    [Fact]
    public async Task Live_numbers_equal_a_reload_after_receipts_arrive_out_of_order_and_twice()
    {
        _t = new CampaignTestApp();
        var (campaign, people) = await _t.CampaignAsync(5);
        Services.AddSingleton(_t.Get<CampaignService>());
        Services.AddSingleton(_t.Get<CampaignChanges>());
        Services.AddSingleton(_t.Get<Formats>());
        Services.AddSingleton<TimeProvider>(_t.Time);
        Services.AddSingleton(_t.Get<HibachiAdmin.Features.Contacts.Contracts.IContactService>());
        Render<MudPopoverProvider>();
        var live = Render<CampaignPage>(p => p.Add(c => c.Id, campaign));
        live.WaitForAssertion(() => Assert.StartsWith("0 of 0 done", Progress(live), StringComparison.Ordinal));

        // The send is pushed to the open page.
        await _t.SendAsync(campaign);
        live.WaitForAssertion(() => Assert.StartsWith("5 of 5 done (100%) · 0 delivered · 5 sent · 0 failed", Progress(live), StringComparison.Ordinal));
        // Each recipient by name, not only by number (issue 24.8).
        var recipients = await _t.Get<HibachiAdmin.Features.Contacts.Contracts.IContactService>().GetSummariesAsync(people, default);
        live.WaitForAssertion(() => Assert.All(recipients.Values, r => Assert.Contains(r.Name, live.Find("[data-testid=recipients]").TextContent, StringComparison.Ordinal)));

        var texts = new List<Guid>();
        foreach (var p in people)
        {
            texts.Add(await _t.TextToAsync(campaign, p));
        }
        // Out of order and repeated: delivered before sent, the same delivered twice, a failure, a late "sent" after delivered.
        await _t.ReceiptAsync(texts[0], OutboundStatus.Delivered);
        await _t.ReceiptAsync(texts[0], OutboundStatus.Sent);
        await _t.ReceiptAsync(texts[1], OutboundStatus.Delivered);
        await _t.ReceiptAsync(texts[1], OutboundStatus.Delivered);
        await _t.ReceiptAsync(texts[2], OutboundStatus.Failed);
        await _t.ReceiptAsync(texts[3], OutboundStatus.Sent);
        await _t.ReceiptAsync(texts[3], OutboundStatus.Delivered);
        await _t.ReceiptAsync(texts[4], OutboundStatus.Sent);

        const string expected = "5 of 5 done (100%) · 3 delivered · 1 sent · 1 failed";
        live.WaitForAssertion(() => Assert.StartsWith(expected, Progress(live), StringComparison.Ordinal));
        var reload = Render<CampaignPage>(p => p.Add(c => c.Id, campaign));
        reload.WaitForAssertion(() => Assert.StartsWith(expected, Progress(reload), StringComparison.Ordinal));
        Assert.Equal(Progress(reload), Progress(live));
        Assert.Equal(Donut(reload), Donut(live));
        Assert.Equal(reload.Find("[data-testid=delivered-rate]").TextContent, live.Find("[data-testid=delivered-rate]").TextContent);
        Assert.Equal("60%", live.Find("[data-testid=delivered-rate]").TextContent.Trim());
    }

    [Fact]
    public void Each_state_keeps_its_colour_whichever_states_are_on_the_chart()
    {
        var early = RecipientStates.Donut(new CampaignCounts(22, 0, 0, 0, Sent: 11, Delivered: 11, 0, 0, 0, 0m));
        var later = RecipientStates.Donut(new CampaignCounts(22, 0, 0, 0, Sent: 0, Delivered: 22, 0, 0, 0, 0m));
        var mixed = RecipientStates.Donut(new CampaignCounts(30, 2, 1, 1, Sent: 5, Delivered: 15, Failed: 3, Skipped: 2, Cancelled: 1, 0m));
        var colours = new Dictionary<string, string>();
        foreach (var part in early.Concat(later).Concat(mixed))
        {
            Assert.Equal(colours.TryAdd(part.Label, part.Colour) ? part.Colour : colours[part.Label], part.Colour);
        }
        Assert.Equal(6, colours.Count);
        Assert.Equal(6, colours.Values.Distinct().Count());
        Assert.Equal(["Delivered"], later.Select(p => p.Label));
        Assert.Equal([("Waiting", 4)], mixed.Where(p => p.Label == "Waiting").Select(p => (p.Label, p.Count)));
        Assert.Equal(["Delivered", "Sent", "Failed", "Waiting", "Skipped", "Cancelled"], mixed.Select(p => p.Label));
        Assert.Equal(["Waiting to send", "Waiting for their window", "Sending", "Sent", "Delivered", "Failed", "Skipped", "Cancelled"],
            Enum.GetValues<DeliveryStatus>().Select(RecipientStates.Label));
    }
}
