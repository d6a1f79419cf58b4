using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Dashboard;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Components;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Dashboard;

/// <summary>
/// Home's tiles over a known data set, with exact numbers. The clock reads Tuesday Nov 24 2026 12:00 UTC,
/// 7:00 AM in New York (the business's zone): its week runs Mon Nov 23 – Sun Nov 29, and its "today"
/// started at 05:00 UTC, so a call at 04:30 UTC was yesterday there.
/// </summary>
public sealed class HomePageTests : MudTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly SettableClock _time = new() { At = Now };
    private readonly AppFactory _app;
    private int _phone;

    public HomePageTests() =>
        _app = new AppFactory { Time = _time }.With("Hangfire:ProcessJobs", "false").With("Bookings:ChefsPerDay", "2").With("Business:TimeZone", "America/New_York");

    private T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private async Task<Guid> ContactAsync(string name) =>
        (await Get<ContactService>().FindOrCreateByPhoneAsync($"(212) 555-01{_phone++:D2}", name, default))!.Value.Contact.Id;

    private async Task LeadAsync(DateTimeOffset created, LeadSource source, params LeadStatus[] moves)
    {
        _time.Set(created);
        var leads = Get<LeadService>();
        var lead = (await leads.CreateAsync(new NewLead(await ContactAsync($"Lead {source} {_phone}"), source), LeadStatus.New, null, Actor.System, default)).Lead!;
        foreach (var to in moves)
        {
            _time.At = _time.At!.Value.AddMinutes(10);
            Assert.Equal(LeadChangeResult.Changed, await leads.ChangeStatusAsync(lead.Id, to, to == LeadStatus.Lost ? "Price" : null, Actor.System, default));
        }
    }

    private async Task BookingAsync(DateOnly day, int guests, decimal price, decimal deposit = 0, BookingStatus status = BookingStatus.Requested)
    {
        var bookings = Get<BookingService>();
        var id = (await bookings.RequestAsync(new BookingRequested(await ContactAsync($"Party {day:MMdd}"), null, day, new TimeOnly(17, 0), guests, price, null, null, null, null), Actor.System, default)).Booking!.Id;
        if (deposit > 0)
        {
            Assert.NotNull((await bookings.DepositAsync(id, deposit, Actor.System, default)).Booking);
        }
        if (status is BookingStatus.Confirmed or BookingStatus.Cancelled)
        {
            Assert.NotNull((status == BookingStatus.Confirmed ? await bookings.ConfirmAsync(id, Actor.System, default) : await bookings.CancelAsync(id, "rain", "lost", Actor.System, default)).Booking);
        }
    }

    private async Task ConversationAsync(params (TimeSpan Ago, bool FromCustomer)[] messages)
    {
        var inbox = Get<ConversationLog>();
        var contact = await ContactAsync("Texter");
        var phone = $"+1212555{_phone:D4}";
        foreach (var (ago, fromCustomer) in messages)
        {
            _time.Set(Now - ago);
            if (fromCustomer)
            {
                await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                await inbox.AppendInboundAsync(db, Platform.Sms, phone, contact, "Texter", "Hi", Guid.NewGuid().ToString(), Now.UtcDateTime - ago, default);
                await db.SaveChangesAsync();
            }
            else
            {
                await inbox.RecordOutboundAsync(Platform.Sms, phone, contact, "Texter", "Hello!", Guid.NewGuid(), "maria@hibachi.local", default);
            }
        }
    }

    private async Task CallAsync(DateTime startedUtc, bool missed)
    {
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.Add(new CallLog
        {
            TelephonySessionId = Guid.NewGuid().ToString(), Direction = "Inbound", Status = missed ? "VoiceMail" : "Disconnected", StartedAt = startedUtc,
            AnsweredAt = missed ? null : startedUtc.AddSeconds(5), EndedAt = startedUtc.AddMinutes(2), Missed = missed, Voicemail = missed, UpdatedAt = startedUtc,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Tiles_show_the_week_from_a_known_data_set_with_exact_numbers()
    {
        // Bookings (made "now"): this week Nov 25 confirmed $1,200 ($200 paid), Nov 28 requested $900 (none paid) and confirmed $700 (paid in full),
        // Nov 29 cancelled; next week Dec 2 confirmed $1,800 ($200 paid), Dec 5 requested $720; Dec 20 confirmed, outside both weeks and the 14 days.
        await BookingAsync(new DateOnly(2026, 11, 25), 20, 60, 200, BookingStatus.Confirmed);
        await BookingAsync(new DateOnly(2026, 11, 28), 15, 60);
        await BookingAsync(new DateOnly(2026, 11, 28), 10, 70, 700, BookingStatus.Confirmed);
        await BookingAsync(new DateOnly(2026, 11, 29), 40, 60, 0, BookingStatus.Cancelled);
        await BookingAsync(new DateOnly(2026, 12, 2), 30, 60, 200, BookingStatus.Confirmed);
        await BookingAsync(new DateOnly(2026, 12, 5), 12, 60);
        await BookingAsync(new DateOnly(2026, 12, 20), 10, 60, 100, BookingStatus.Confirmed);

        // Conversations: two wait (3 h and 1 h); replies in the last 7 days took 10 and 30 minutes (median 20); one 10 days ago does not count.
        await ConversationAsync((TimeSpan.FromHours(3), true));
        await ConversationAsync((TimeSpan.FromDays(2), true), (TimeSpan.FromDays(2) - TimeSpan.FromMinutes(10), false), (TimeSpan.FromHours(1), true));
        await ConversationAsync((TimeSpan.FromDays(1), true), (TimeSpan.FromDays(1) - TimeSpan.FromMinutes(5), true), (TimeSpan.FromDays(1) - TimeSpan.FromMinutes(30), false));
        await ConversationAsync((TimeSpan.FromDays(10), true), (TimeSpan.FromDays(10) - TimeSpan.FromMinutes(5), false));

        // Calls: a voicemail at 1:00 AM New York today counts; one at 11:30 PM yesterday there (04:30 UTC today) and an answered call do not.
        await CallAsync(new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), missed: true);
        await CallAsync(new DateTime(2026, 11, 24, 4, 30, 0, DateTimeKind.Utc), missed: true);
        await CallAsync(new DateTime(2026, 11, 24, 11, 0, 0, DateTimeKind.Utc), missed: false);

        // Leads: four in the last 7 New York days (from Nov 18 00:00 there = 05:00 UTC), six in the last 30.
        await LeadAsync(Now.AddDays(-1), LeadSource.Instagram);
        await LeadAsync(Now.AddDays(-2), LeadSource.Instagram, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Quoted, LeadStatus.Lost);
        await LeadAsync(Now.AddDays(-3), LeadSource.Sms, LeadStatus.Booked);
        await LeadAsync(new DateTimeOffset(2026, 11, 18, 6, 0, 0, TimeSpan.Zero), LeadSource.Phone, LeadStatus.Contacted);
        await LeadAsync(new DateTimeOffset(2026, 11, 18, 4, 0, 0, TimeSpan.Zero), LeadSource.QrCode);
        await LeadAsync(Now.AddDays(-20), LeadSource.Website, LeadStatus.Contacted, LeadStatus.Qualified);
        await LeadAsync(Now.AddDays(-40), LeadSource.Referral, LeadStatus.Contacted);
        _time.Set(Now);

        Services.AddSingleton(Get<DashboardService>());
        Services.AddSingleton(Get<HibachiAdmin.Features.Reviews.Contracts.ISocialAnalytics>());
        Services.AddSingleton(Get<HibachiAdmin.Features.Payments.Contracts.IPaymentsLedger>());
        Services.AddSingleton(Get<HibachiAdmin.Features.Bookings.Contracts.IPartiesOfTheDay>());
        Services.AddSingleton(Get<HibachiAdmin.Features.Bookings.Contracts.BookingChanges>());
        Services.AddSingleton(Get<HibachiAdmin.Features.Contacts.Contracts.IContactService>());
        Services.AddSingleton(Get<Formats>());
        Services.AddSingleton<TimeProvider>(_time);
        var cut = Render<HomePage>();

        string Text(string id) => cut.Find($"[data-testid={id}]").TextContent.Trim();
        cut.WaitForAssertion(() => Assert.Equal("2", Text("this-week-confirmed")));
        Assert.Equal("1", Text("this-week-requested"));
        Assert.Contains("45 guests", Text("tile-this-week"));
        Assert.Equal("1 confirmed, 1 requested", Text("next-week"));
        // November: $1,200 + $700 confirmed. Upcoming open parties: two without a deposit; $1,000 + $900 + $0 + $1,600 + $720 + $500 due.
        Assert.Equal("$1,900", Text("revenue-booked"));
        Assert.Equal("No party today.", Text("no-party-today")); // the first party is tomorrow
        Assert.Contains("in 2 confirmed or done parties", Text("tile-revenue"));
        Assert.Equal("2 upcoming parties have no deposit · $4,720 still to collect", Text("deposits-outstanding"));
        Assert.Equal("$0 collected online this month, net of refunds", Text("collected-month"));
        Assert.Equal("2", Text("unanswered"));
        Assert.Equal("oldest waiting 3 h", Text("oldest-wait"));
        Assert.Equal("Median first reply (7 days): 20 min", Text("median-response"));
        Assert.Equal("1", Text("missed-today"));
        Assert.Equal("4", Text("new-leads"));
        Assert.Equal("Instagram 2 · SMS 1 · Phone 1", Text("leads-by-source"));
        Assert.Equal("New 6 → Contacted 4 → Qualified 3 → Quoted 2 → Booked 1", Text("funnel"));
        // Next 14 days (Nov 24 – Dec 7): 1 + 2 + 1 + 1 active parties; Nov 28 fills both chefs.
        Assert.Equal("5 parties for 2 chefs a day · 1 full day (Sat, Nov 28)", Text("chef-load"));
        // Messages in the last 7 days on every channel (3 + 3 + 1; the conversation 10 days ago is outside); no reviews yet.
        Assert.StartsWith("7 messages · replied to", Text("social"));
        Assert.EndsWith("no new reviews", Text("social"));
        // The charts write their numbers in the page's own type (an SVG chart scaled to a tile had ~6 px text and no numbers).
        string[] Bars(string id) => cut.Find($"[data-testid={id}]").QuerySelectorAll("[data-testid=bar]")
            .Select(b => $"{b.QuerySelector(".bar-list-label")!.TextContent.Trim()} {b.QuerySelector(".bar-list-value")!.TextContent.Trim()}").ToArray();
        Assert.Equal(["Instagram 2 · 50%", "SMS 1 · 25%", "Phone 1 · 25%"], Bars("leads-by-source-chart"));
        Assert.Equal(["New 6", "Contacted 4 · 67%", "Qualified 3 · 50%", "Quoted 2 · 33%", "Booked 1 · 17%"], Bars("funnel-chart"));
        Assert.Equal(7, Bars("social-chart").Sum(bar => int.Parse(bar.Split(' ')[^1])));
        // Chef load as 14 days against the 2 chefs, not a scale: Nov 28 is the full one.
        var days = cut.FindAll("[data-testid=chef-day]");
        Assert.Equal(14, days.Count);
        Assert.Equal(["Tue 11/24 0/2", "Wed 11/25 1/2", "Thu 11/26 0/2", "Fri 11/27 0/2", "Sat 11/28 2/2"],
            days.Take(5).Select(d => $"{d.QuerySelector(".chef-day-date")!.TextContent} {d.QuerySelector(".chef-day-count")!.TextContent}"));
        Assert.Equal(["full"], days.Select(d => d.GetAttribute("data-state")).Where(state => state is "full" or "over"));
        Assert.Empty(cut.Find("[data-testid=tile-chef-load]").QuerySelectorAll("svg"));

        // Every tile is a link to where its number comes from.
        var links = cut.FindAll("a.tile-link").ToDictionary(a => a.GetAttribute("data-testid")!, a => a.GetAttribute("href"));
        Assert.Equal("bookings", links["tile-this-week"]);
        Assert.Equal("bookings", links["tile-revenue"]);
        Assert.Equal("inbox", links["tile-unanswered"]);
        Assert.Equal("calls?missed=true", links["tile-missed-calls"]);
        Assert.Equal("leads", links["tile-new-leads"]);
        Assert.Equal("leads", links["tile-funnel"]);
        Assert.Equal("bookings", links["tile-chef-load"]);
        Assert.Equal("social/analytics", links["tile-social"]);
    }

    protected override ValueTask DisposeResourcesAsync() => _app.DisposeAsync();

    /// <summary>A clock a test can set anywhere, backwards too (the data set is built out of time order).</summary>
}
