using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// A campaign's delivery rows own their status: a carrier receipt moves the row in the unit of work that records it,
/// forward only — late, repeated or out-of-order receipts never take delivered back to sent, and a receipt that arrives
/// before the sender recorded its batch stands.
/// </summary>
public sealed class CampaignRowsFollowReceiptsTests
{
    private static async Task<Dictionary<Guid, DeliveryRow>> RowsAsync(CampaignTestApp t, Guid campaign) =>
        (await t.Get<CampaignService>().DeliveriesAsync(campaign, default)).ToDictionary(d => d.ContactId);

    [Fact]
    public async Task Receipts_in_any_order_and_repeated_leave_each_row_at_the_furthest_status_the_carrier_reported()
    {
        await using var t = new CampaignTestApp();
        var (campaign, people) = await t.CampaignAsync(4);
        await t.SendAsync(campaign);
        Assert.All((await RowsAsync(t, campaign)).Values, r => Assert.Equal(DeliveryStatus.Sent, r.Status));

        var texts = new List<Guid>();
        foreach (var p in people)
        {
            texts.Add(await t.TextToAsync(campaign, p));
        }
        // 0: delivered, then a late "sent" and the same "delivered" again. 1: failed, then a late "sent" and a stray "delivered".
        // 2: "sent" twice. 3: nothing yet.
        Assert.True(await t.ReceiptAsync(texts[0], OutboundStatus.Delivered));
        Assert.False(await t.ReceiptAsync(texts[0], OutboundStatus.Sent));
        Assert.False(await t.ReceiptAsync(texts[0], OutboundStatus.Delivered));
        Assert.True(await t.ReceiptAsync(texts[1], OutboundStatus.Failed));
        await t.ReceiptAsync(texts[1], OutboundStatus.Sent);
        await t.ReceiptAsync(texts[1], OutboundStatus.Delivered);
        Assert.True(await t.ReceiptAsync(texts[2], OutboundStatus.Sent));
        Assert.False(await t.ReceiptAsync(texts[2], OutboundStatus.Sent));

        var rows = await RowsAsync(t, campaign);
        Assert.Equal(DeliveryStatus.Delivered, rows[people[0]].Status);
        Assert.Equal((DeliveryStatus.Failed, "carrier: SMS-CAR-199 (test)"), (rows[people[1]].Status, rows[people[1]].Reason));
        Assert.Equal(DeliveryStatus.Sent, rows[people[2]].Status);
        Assert.Equal(DeliveryStatus.Sent, rows[people[3]].Status);
        var counts = (await t.Get<CampaignService>().GetSummaryAsync(campaign, default))!.Counts;
        Assert.Equal((4, 1, 2, 1), (counts.Recipients, counts.Delivered, counts.Sent, counts.Failed));
        Assert.Equal(4 * 0.02m, counts.Cost); // four one-segment texts at Sms:CostPerSegment

        // The API's list says the same.
        using var client = await t.App.CreateClientInRoleAsync(HibachiAdmin.Infrastructure.Identity.Roles.Marketing);
        var api = await client.GetStringAsync($"/api/v1/sms-campaigns/{campaign}/deliveries");
        Assert.Equal(1, CountOf(api, "\"status\":\"delivered\""));
        Assert.Equal(1, CountOf(api, "\"status\":\"failed\""));
        Assert.Equal(2, CountOf(api, "\"status\":\"sent\""));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task A_delivery_receipt_recorded_before_the_sender_records_its_batch_is_not_overwritten_with_sent()
    {
        await using var t = new CampaignTestApp();
        var (campaign, people) = await t.CampaignAsync(2);
        // The carrier reports the first text delivered while the sender is still between the provider call and recording
        // its batch (the text is stored as queued before the provider is called).
        var first = true;
        t.Provider.BeforeSend = (messageId, _) =>
        {
            if (first)
            {
                first = false;
                Assert.True(t.ReceiptAsync(messageId, OutboundStatus.Delivered).GetAwaiter().GetResult());
            }
        };
        await t.SendAsync(campaign);

        var rows = await RowsAsync(t, campaign);
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Sent], people.Select(p => rows[p].Status));
        Assert.All(rows.Values, r => Assert.NotNull(r.SentAt));
        Assert.Equal(CampaignStatus.Completed, (await t.Get<CampaignService>().FindAsync(campaign, default))!.Status);
    }

    [Fact]
    public async Task Statuses_read_in_bulk_move_the_rows_in_the_same_unit_of_work_as_the_texts()
    {
        await using var t = new CampaignTestApp();
        var (campaign, people) = await t.CampaignAsync(3);
        await t.SendAsync(campaign);
        // One read (Message Sync, a batch's message list) reports text 0 sent and then delivered, text 1 failed; text 2 nothing.
        string ProviderId(Guid text) => $"rec-{text:N}";
        var texts = new List<Guid>();
        foreach (var p in people)
        {
            texts.Add(await t.TextToAsync(campaign, p));
        }
        await using (var db = await t.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<HibachiAdmin.Infrastructure.Data.AppDbContext>>().CreateDbContextAsync())
        {
            var moved = await t.Get<HibachiAdmin.Features.Messaging.SmsService>().ApplyProviderStatusesAsync(db, t.Provider.Name,
                [new(ProviderId(texts[0]), "Sent", null), new(ProviderId(texts[0]), "Delivered", null), new(ProviderId(texts[1]), "DeliveryFailed", "SMS-CAR-199")], default);
            Assert.Equal(3, moved.Count);
            // Nothing is visible before the caller saves: the rows commit with the texts.
            Assert.All((await RowsAsync(t, campaign)).Values, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
            await db.SaveChangesAsync();
        }
        var rows = await RowsAsync(t, campaign);
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Sent], people.Select(p => rows[p].Status));
        Assert.Equal("recording: DeliveryFailed (SMS-CAR-199)", rows[people[1]].Reason);
    }

    [Fact]
    public void A_receipt_never_moves_a_row_backwards_or_moves_a_row_without_a_text()
    {
        var at = new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc);
        OutboundStatusChanged Change(OutboundStatus s) => new(Guid.NewGuid(), "campaign:x", s, at, "carrier words");
        var delivered = new CampaignDelivery { Status = DeliveryStatus.Delivered };
        Assert.False(CampaignDeliveryReceipts.Apply(delivered, Change(OutboundStatus.Sent)));
        Assert.False(CampaignDeliveryReceipts.Apply(delivered, Change(OutboundStatus.Failed)));
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        foreach (var without in new[] { DeliveryStatus.Pending, DeliveryStatus.Held, DeliveryStatus.Skipped, DeliveryStatus.Cancelled })
        {
            var row = new CampaignDelivery { Status = without };
            Assert.False(CampaignDeliveryReceipts.Apply(row, Change(OutboundStatus.Delivered)));
            Assert.Equal(without, row.Status);
        }
        var sent = new CampaignDelivery { Status = DeliveryStatus.Sent, SentAt = at.AddMinutes(-1) };
        Assert.False(CampaignDeliveryReceipts.Apply(sent, Change(OutboundStatus.Sent)));
        Assert.False(CampaignDeliveryReceipts.Apply(sent, Change(OutboundStatus.Queued)));
        Assert.True(CampaignDeliveryReceipts.Apply(sent, Change(OutboundStatus.Failed)));
        Assert.Equal((DeliveryStatus.Failed, "carrier words", at.AddMinutes(-1), (DateTime?)null), (sent.Status, sent.Reason, sent.SentAt, sent.DeliveredAt));
        var sending = new CampaignDelivery { Status = DeliveryStatus.Sending };
        var change = Change(OutboundStatus.Delivered);
        Assert.True(CampaignDeliveryReceipts.Apply(sending, change));
        Assert.Equal((DeliveryStatus.Delivered, change.MessageId, at, at), (sending.Status, sending.OutboundMessageId, sending.SentAt, sending.DeliveredAt));
        var wordy = new CampaignDelivery { Status = DeliveryStatus.Sent };
        Assert.True(CampaignDeliveryReceipts.Apply(wordy, new OutboundStatusChanged(Guid.NewGuid(), "campaign:x", OutboundStatus.Failed, at, new string('x', 201))));
        Assert.Equal(200, wordy.Reason!.Length);
        var refused = new CampaignDelivery { Status = DeliveryStatus.Sent, Reason = "providerError" };
        Assert.True(CampaignDeliveryReceipts.Apply(refused, Change(OutboundStatus.Failed)));
        Assert.Equal("providerError", refused.Reason);
    }

    [Fact]
    public void Only_a_campaign_texts_key_names_a_campaign_row()
    {
        var (campaign, contact) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal((campaign, contact), CampaignService.ParseCorrelation(CampaignService.CorrelationPrefix(campaign) + contact));
        Assert.Null(CampaignService.ParseCorrelation(null));
        Assert.Null(CampaignService.ParseCorrelation($"booking:{campaign}:{contact}"));
        Assert.Null(CampaignService.ParseCorrelation($"campaign:{campaign}"));
        Assert.Null(CampaignService.ParseCorrelation($"campaign:{campaign}:{contact}:x"));
        Assert.Null(CampaignService.ParseCorrelation($"campaign:{campaign}:nope"));
        Assert.Null(CampaignService.ParseCorrelation($"campaign:nope:{contact}"));
    }
}
