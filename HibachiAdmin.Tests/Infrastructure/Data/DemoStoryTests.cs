using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Features.Payments.Contracts;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>The demo app on the frozen clock, jobs run by hand: the data exactly as Seed:Demo writes it.</summary>
public sealed class DemoStoryApp : AppFactory
{
    public DemoStoryApp()
    {
        Time = TestClock.Frozen();
        With("Seed:Demo", "true").With("Hangfire:ProcessJobs", "false");
    }
}

/// <summary>
/// The demo tells one New York caterer's month, money included: scans from around New York, QR and campaign leads whose
/// bookings carry the money the ledger shows, campaigns that obeyed consent, histories signed by real accounts, and
/// Google reviews whose times do not move when they are imported again.
/// </summary>
public sealed class DemoStoryTests(DemoStoryApp app) : IClassFixture<DemoStoryApp>
{
    private static readonly string[] SystemActors = [Actor.System.Name, "stripe", "customer"];

    private async Task<AppDbContext> DbAsync() => await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Every_scan_comes_from_New_York_or_New_Jersey()
    {
        await using var db = await DbAsync();
        var places = await db.Set<QrScan>().Select(s => new { s.Region, s.City, s.Latitude, s.Longitude }).Distinct().ToListAsync();
        Assert.NotEmpty(places);
        Assert.All(places, p =>
        {
            Assert.Contains(p.Region, new[] { "New York", "New Jersey" });
            // The metro area: between Long Island's east end and Newark, Staten Island and Westchester.
            Assert.InRange(p.Latitude!.Value, 40.4, 41.2);
            Assert.InRange(p.Longitude!.Value, -74.3, -73.3);
        });
        Assert.Contains(places, p => p.Region == "New Jersey");
        Assert.Contains(places, p => p.City == "Brooklyn");
    }

    [Fact]
    public async Task A_QR_placement_earns_revenue_equal_to_the_money_its_bookings_collected()
    {
        var today = app.Services.GetRequiredService<Formats>().Today;
        var analytics = await app.Services.GetRequiredService<QrAnalyticsService>().GetAsync(today.AddDays(-29), today, null, false, default);
        var earning = analytics.Placements.Where(p => p.Revenue > 0).ToList();
        Assert.NotEmpty(earning);

        await using var db = await DbAsync();
        var paidInFull = false;
        foreach (var placement in earning)
        {
            var leadIds = await db.Set<Lead>().Where(l => l.QrCodeId == placement.QrCodeId).Select(l => l.Id).ToListAsync();
            var bookings = await db.Set<BookingRow>().Where(b => b.LeadId != null && leadIds.Contains(b.LeadId.Value) && b.Status != BookingStatus.Cancelled).ToListAsync();
            Assert.Equal(placement.Bookings, bookings.Count);
            Assert.Equal(bookings.Sum(b => b.AmountPaid), placement.Collected);
            paidInFull |= placement.Revenue == placement.Collected && bookings.All(b => b.Status == BookingStatus.Completed);
        }
        Assert.True(paidInFull, "no QR placement whose parties are done and paid: revenue equal to the money collected");
    }

    [Fact]
    public async Task The_finished_campaign_texted_only_opted_in_people_and_earned_bookings_with_money()
    {
        var summaries = await app.Services.GetRequiredService<CampaignService>().ListSummariesAsync(default);
        Assert.Contains(summaries, c => c.Status == CampaignStatus.Scheduled && c.SendAt > app.Time!.GetUtcNow().UtcDateTime);
        Assert.Contains(summaries, c => c.Status == CampaignStatus.Draft);
        var done = Assert.Single(summaries, c => c.Status == CampaignStatus.Completed);
        Assert.True(done.Counts.Delivered >= 10, $"{done.Counts.Delivered} delivered");
        Assert.True(done.Counts.Skipped > 0, "nobody skipped: the newsletter list has people who never opted in");
        Assert.Equal(done.Counts.Recipients, done.Counts.Delivered + done.Counts.Failed + done.Counts.Skipped);
        Assert.True(done.Bookings > 0 && done.Revenue > 0, $"{done.Bookings} bookings, {done.Revenue:C}");
        Assert.True(done.Collected > 0 && done.Collected <= done.Revenue, $"collected {done.Collected:C} of {done.Revenue:C}");

        await using var db = await DbAsync();
        var texted = await db.Set<CampaignDelivery>().Where(d => d.CampaignId == done.Id && d.SentAt != null).ToListAsync();
        var ledger = await db.Set<ConsentLedgerEntry>().ToListAsync();
        Assert.All(texted, d =>
        {
            var before = ledger.Where(e => e.ContactId == d.ContactId && e.At <= d.SentAt).OrderBy(e => e.At).ThenBy(e => e.Id).LastOrDefault();
            Assert.True(before?.To == SmsConsent.OptedIn, $"{d.Phone} was texted while {before?.To.ToString() ?? "never asked"}");
        });
        Assert.All(await db.Set<CampaignDelivery>().Where(d => d.CampaignId == done.Id && d.SentAt == null).ToListAsync(),
            d => Assert.Equal(DeliveryStatus.Skipped, d.Status));
        var clicks = await db.Set<LinkClick>().Where(c => c.CampaignId == done.Id).ToListAsync();
        Assert.NotEmpty(clicks);
        var leads = await db.Set<Lead>().Where(l => l.CampaignId == done.Id).ToListAsync();
        // Each lead from the link was opened by that person's first click (a later click finds it open).
        Assert.All(clicks.GroupBy(c => c.LeadId), g => Assert.Contains(leads, l => l.Id == g.Key && l.ContactId == g.First().ContactId && l.CreatedAt >= g.Min(c => c.At)));
        Assert.All(leads, l => Assert.Contains(texted, d => d.ContactId == l.ContactId && d.SentAt <= l.CreatedAt));
    }

    [Fact]
    public async Task Money_collected_is_the_same_in_the_ledger_the_bookings_and_on_Home()
    {
        await using var db = await DbAsync();
        var bookings = await db.Set<BookingRow>().ToListAsync();
        var payments = await db.Set<Payment>().ToListAsync();
        Assert.True(payments.Count >= 10, $"{payments.Count} payments");
        Assert.Contains(payments, p => p.Refunded > 0);
        Assert.Equal(bookings.Sum(b => b.PaidOnline), payments.Sum(p => p.Amount - p.Refunded));
        Assert.All(bookings.Where(b => b.Status is BookingStatus.Confirmed or BookingStatus.Completed), b => Assert.True(b.AmountPaid >= BookingsDemoSeed.Deposit));
        Assert.All(bookings.Where(b => b.Status == BookingStatus.Completed), b => Assert.Equal(b.Total, b.AmountPaid + b.Refunded));

        var formats = app.Services.GetRequiredService<Formats>();
        var month = new DateOnly(formats.Today.Year, formats.Today.Month, 1);
        var collected = await app.Services.GetRequiredService<IPaymentsLedger>().CollectedAsync(formats.UtcStartOf(month), formats.UtcStartOf(month.AddMonths(1)), default);
        var monthStart = formats.UtcStartOf(month);
        Assert.Equal(payments.Where(p => p.PaidAt >= monthStart).Sum(p => p.Amount - p.Refunded), collected);
        Assert.True(collected > 0, "Home shows no money collected this month");
    }

    [Fact]
    public async Task Every_name_in_a_lead_or_booking_history_is_a_seeded_user_or_the_system()
    {
        await using var db = await DbAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
        Assert.All(DemoStaff.People, p => Assert.Equal(p.Name, users[p.Email]));
        var leadActors = await db.Set<LeadStatusChange>().Select(c => c.ChangedBy).Distinct().ToListAsync();
        var bookingActors = await db.Set<StoredEvent>().Where(e => e.StreamType == BookingEventTypes.StreamType).Select(e => e.UserName).Distinct().ToListAsync();
        var threadActors = await db.Set<HibachiAdmin.Features.Inbox.ConversationMessage>().Where(m => m.SentBy != null).Select(m => m.SentBy!).Distinct().ToListAsync();
        var campaignActors = await db.Set<Campaign>().Select(c => c.CreatedBy).Distinct().ToListAsync();
        foreach (var actor in leadActors.Concat(bookingActors).Concat(threadActors).Concat(campaignActors))
        {
            Assert.True(SystemActors.Contains(actor) || users.ContainsKey(actor ?? ""), $"\"{actor}\" signs a demo history but is no user");
            if (actor is not null && users.TryGetValue(actor, out var name))
            {
                Assert.Equal(name, Formats.Person(actor)); // shown by the name the Users page shows
            }
        }
        Assert.Contains(DemoStaff.Maria.Email, leadActors);
        Assert.Contains(DemoStaff.Chef, bookingActors);
    }

    [Fact]
    public async Task Importing_the_Google_reviews_again_later_keeps_their_times()
    {
        await using var db = await DbAsync();
        var before = await db.Set<Review>().Where(r => r.Platform == ReviewPlatform.Google).ToDictionaryAsync(r => r.ExternalId, r => (r.CreatedAt, r.UpdatedAt));
        Assert.NotEmpty(before);
        app.Time!.Advance(TimeSpan.FromHours(3));
        await app.Services.GetRequiredService<ReviewService>().ImportGoogleAsync(full: true, default);
        app.Time.Advance(TimeSpan.FromDays(2));
        await app.Services.GetRequiredService<ReviewService>().ImportGoogleAsync(full: true, default);
        await using var after = await DbAsync();
        var now = await after.Set<Review>().Where(r => r.Platform == ReviewPlatform.Google).ToDictionaryAsync(r => r.ExternalId, r => (r.CreatedAt, r.UpdatedAt));
        Assert.Equal(before, now);
    }
}
