using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>The marketer's own exclusions (a party coming up, texted recently) and what happened after the texts went out.</summary>
public sealed class CampaignAudienceOptionsTests
{
    // Tue Nov 24 2026, 16:00 UTC = 11:00 in New York.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private static async Task<Guid> AddAsync(IServiceProvider services, string name, string phone, SmsConsent consent = SmsConsent.OptedIn)
    {
        var created = await PersonConsent.CreateAsync(services, new CreateContactRequest(name, phone, Tags: ["party"], SmsConsent: consent));
        return created.Contact!.Id;
    }

    [Fact]
    public async Task People_with_a_party_in_the_next_days_or_a_recent_campaign_text_are_skipped_with_their_reason_and_not_counted_in_the_cost()
    {
        var time = new FakeTimeProvider(Now);
        await using var app = new AppFactory { Time = time }.With("Hangfire:ProcessJobs", "false");
        var s = app.Services;
        var partyToday = await AddAsync(s, "Ava Today", "+12125550101");
        var partyIn7 = await AddAsync(s, "Ben Seven", "+12125550102");
        var partyIn8 = await AddAsync(s, "Cy Eight", "+12125550103");
        var cancelledParty = await AddAsync(s, "Di Cancelled", "+12125550104");
        var textedRecently = await AddAsync(s, "Ed Recent", "+12125550105");
        var textedLongAgo = await AddAsync(s, "Flo Long Ago", "+12125550106");
        var optedOutWithParty = await AddAsync(s, "Gus Out", "+12125550107", SmsConsent.OptedOut);
        var bookings = s.GetRequiredService<BookingService>();
        async Task BookAsync(Guid contact, DateOnly day) =>
            Assert.NotNull((await bookings.RequestAsync(new BookingRequested(contact, null, day, new TimeOnly(18, 0), 10, 60m, null, null, null, null), Actor.System, default)).Booking);
        var today = new DateOnly(2026, 11, 24);
        await BookAsync(partyToday, today);
        await BookAsync(partyIn7, today.AddDays(7));
        await BookAsync(partyIn8, today.AddDays(8));
        await BookAsync(optedOutWithParty, today.AddDays(1));
        await BookAsync(cancelledParty, today.AddDays(2));
        var cancelled = (await bookings.ListAsync(today, today.AddDays(10), 1, 50, default)).Items.Single(b => b.ContactId == cancelledParty);
        Assert.NotNull((await bookings.CancelAsync(cancelled.Id, "changed plans", null, Actor.System, default)).Booking);
        // Campaign texts: Ed 3 days ago (inside 5), Flo 6 days ago (outside 5).
        var factory = s.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var earlier = new Campaign { Name = "Fall", Message = "Fall menu", Status = CampaignStatus.Completed, CreatedAt = Now.UtcDateTime.AddDays(-10) };
            db.Add(earlier);
            db.Add(new CampaignDelivery { CampaignId = earlier.Id, ContactId = textedRecently, Status = DeliveryStatus.Sent, OutboundMessageId = Guid.NewGuid(), SentAt = Now.UtcDateTime.AddDays(-3), DueAt = Now.UtcDateTime.AddDays(-3) });
            db.Add(new CampaignDelivery { CampaignId = earlier.Id, ContactId = textedLongAgo, Status = DeliveryStatus.Sent, OutboundMessageId = Guid.NewGuid(), SentAt = Now.UtcDateTime.AddDays(-6), DueAt = Now.UtcDateTime.AddDays(-6) });
            await db.SaveChangesAsync();
        }

        var planner = s.GetRequiredService<CampaignPlanner>();
        var plan = await planner.PlanAsync("Hi {FirstName}, December dates are open!", new Audience(["party"], [], [], SkipBookedWithinDays: 7, SkipTextedWithinDays: 5), null, default);
        var reasons = plan.Decisions.ToDictionary(d => d.ContactId, d => d.Eligible ? "eligible" : d.Reason);
        Assert.Equal("bookedSoon", reasons[partyToday]);
        Assert.Equal("bookedSoon", reasons[partyIn7]); // the seventh day is inside "the next 7 days"
        Assert.Equal("eligible", reasons[partyIn8]);
        Assert.Equal("eligible", reasons[cancelledParty]);
        Assert.Equal("textedRecently", reasons[textedRecently]);
        Assert.Equal("eligible", reasons[textedLongAgo]);
        Assert.Equal("optedOut", reasons[optedOutWithParty]); // the law's reason is the one reported
        Assert.Equal(new Dictionary<string, int> { ["bookedSoon"] = 2, ["textedRecently"] = 1, ["optedOut"] = 1 }, plan.Estimate.Held);
        Assert.Equal(3, plan.Estimate.Eligible);
        Assert.Equal(plan.Decisions.Where(d => d.Eligible).Sum(d => d.Segments.Segments) * 0.02m, plan.Estimate.EstimatedCost);

        // Without the options everyone with consent is eligible.
        var plain = await planner.PlanAsync("Hi {FirstName}, December dates are open!", new Audience(["party"], [], []), null, default);
        Assert.Equal(6, plain.Estimate.Eligible);

        // The options are kept on the campaign and used when it sends.
        var campaigns = s.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreateAsync(new NewCampaign("Dec", "Hi {FirstName}!", new Audience(["party"], [], [], 7, 5), null), Actor.System, default);
        Assert.Equal((7, 5), ((await campaigns.FindAsync(campaign.Id, default))!.SkipBookedWithinDays, (await campaigns.FindAsync(campaign.Id, default))!.SkipTextedWithinDays));
        var preview = (await campaigns.PreviewAsync(campaign.Id, default))!.ToDictionary(d => d.ContactId);
        Assert.Equal("bookedSoon", preview[partyIn7].Reason);
    }

    [Fact]
    public async Task The_campaign_reports_replies_and_opt_outs_that_came_after_each_persons_text_and_its_activity_over_time()
    {
        var time = new FakeTimeProvider(Now);
        var provider = new RecordingSmsProvider();
        await using var app = new AppFactory
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(provider);
            },
        }.With("Hangfire:ProcessJobs", "false").With("Sms:MaxPerSecond", "0");
        var s = app.Services;
        var ava = await AddAsync(s, "Ava", "+12125550101");
        var ben = await AddAsync(s, "Ben", "+12125550102");
        var cy = await AddAsync(s, "Cy", "+12125550103");
        var contacts = s.GetRequiredService<ContactService>();
        var inbox = s.GetRequiredService<ConversationLog>();
        var factory = s.GetRequiredService<IDbContextFactory<AppDbContext>>();
        async Task TextInAsync(Guid contact, string phone, string text)
        {
            await using var db = await factory.CreateDbContextAsync();
            await inbox.AppendInboundAsync(db, Platform.Sms, phone, contact, phone, text, Guid.NewGuid().ToString(), time.GetUtcNow().UtcDateTime, default);
            await db.SaveChangesAsync();
            time.Advance(TimeSpan.FromSeconds(1));
        }
        // Before the campaign: Ava texted, Cy opted out and back in. None of it belongs to the campaign.
        await TextInAsync(ava, "+12125550101", "Do you do birthdays?");
        await contacts.SetConsentAsync(cy, new ConsentChange(SmsConsent.OptedOut, "sms-keyword", "STOP"), Actor.System, default);
        await PersonConsent.SetAsync(s, cy, SmsConsent.OptedIn);
        time.Advance(TimeSpan.FromMinutes(5));

        var campaigns = s.GetRequiredService<CampaignService>();
        // Ava's message makes her "in a conversation", which leaves her out by default (BusyPeopleTests): included here.
        var campaign = await campaigns.CreateAsync(new NewCampaign("Dec", "Hi {FirstName}, December dates are open!", new Audience(["party"], [], [], IncludeInConversation: true), null), Actor.System, default);
        await campaigns.SendAsync(campaign.Id, null, default);
        using (var scope = s.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
        }
        var sms = s.GetRequiredService<SmsService>();
        var texts = await campaigns.DeliveriesAsync(campaign.Id, default);
        Assert.Equal(3, texts.Count(d => d.Status == DeliveryStatus.Sent));
        await using (var db = await factory.CreateDbContextAsync())
        {
            var ids = await db.Set<CampaignDelivery>().Where(d => d.CampaignId == campaign.Id).ToDictionaryAsync(d => d.ContactId, d => d.OutboundMessageId!.Value);
            time.Advance(TimeSpan.FromSeconds(30));
            await sms.ApplyStatusAsync(ids[ava], OutboundStatus.Delivered, "delivered", default);
            await sms.ApplyStatusAsync(ids[ben], OutboundStatus.Delivered, "delivered", default);
            await sms.ApplyStatusAsync(ids[cy], OutboundStatus.Failed, "SMS-CAR-500", default);
        }

        time.Advance(TimeSpan.FromMinutes(10));
        await TextInAsync(ava, "+12125550101", "Dec 12 for 14 people?");
        await TextInAsync(ava, "+12125550101", "In Brooklyn");
        await contacts.SetConsentAsync(ben, new ConsentChange(SmsConsent.OptedOut, "sms-keyword", "STOP"), Actor.System, default);
        await TextInAsync(ben, "+12125550102", "STOP");

        var insights = (await campaigns.GetInsightsAsync(campaign.Id, default))!;
        Assert.Equal(1, (await campaigns.OptOutCountsAsync([campaign.Id], default))[campaign.Id]);
        Assert.Equal((3, 2, 1), (insights.Replies, insights.RepliedContacts, insights.OptOuts));
        Assert.Equal(["STOP", "In Brooklyn", "Dec 12 for 14 people?"], insights.LatestReplies.Select(r => r.Text));
        Assert.Equal("+12125550101", insights.LatestReplies[1].Phone);
        Assert.Equal(1, insights.BucketMinutes);
        Assert.Equal(3, insights.Activity.Sum(p => p.Sent));
        Assert.Equal(2, insights.Activity.Sum(p => p.Delivered));
        Assert.Equal(1, insights.Activity.Sum(p => p.Failed));
        Assert.Equal(Now.UtcDateTime.AddMinutes(5).AddSeconds(1), insights.Activity[0].StartUtc); // the first text (Ava's message before it moved the clock a second)

        // Past the 14-day attribution window, a reply is no longer the campaign's.
        time.Advance(TimeSpan.FromDays(15));
        await TextInAsync(ava, "+12125550101", "Are you open in January?");
        Assert.Equal(3, (await campaigns.GetInsightsAsync(campaign.Id, default))!.Replies);
        Assert.Null(await campaigns.GetInsightsAsync(Guid.NewGuid(), default));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 10)]
    [InlineData(360, 10)]
    [InlineData(361, 60)]
    [InlineData(2880, 60)]
    [InlineData(2881, 1440)]
    public void Activity_buckets_widen_with_the_campaigns_span(int minutes, int bucket) =>
        Assert.Equal(bucket, CampaignService.BucketMinutes(TimeSpan.FromMinutes(minutes)));
}
