using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>The sender: exactly one text per eligible recipient, none to anyone opted out, none in quiet hours — also across crashes.</summary>
public sealed class CampaignSendTests
{
    // 15:00 UTC = 10:00 New York, 05:00 Honolulu (quiet until 08:00 HST = 18:00 UTC).
    private static readonly DateTimeOffset Start = TestClock.Start;

    private sealed record Setup(AppFactory App, FakeTimeProvider Time, RecordingSmsProvider Provider, FaultInjector Faults, Guid CampaignId, Dictionary<string, Guid> People);

    private static async Task<Setup> ArrangeAsync()
    {
        var time = TestClock.Frozen();
        var provider = new RecordingSmsProvider();
        var faults = new FaultInjector();
        var app = new AppFactory
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.AddSingleton<IInterceptor>(faults);
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(provider);
            },
        }.With("Hangfire:ProcessJobs", "false").With("Sms:MaxPerSecond", "0");
        var contacts = app.Services.GetRequiredService<ContactService>();
        var people = new Dictionary<string, Guid>();
        foreach (var (name, phone, consent) in new[]
                 {
                     ("Ava Miller", "+12125550101", SmsConsent.OptedIn), ("Ben Ode", "+12125550102", SmsConsent.OptedIn), ("Cy Stopper", "+12125550103", SmsConsent.OptedIn),
                     ("Hana Lee", "+18085550100", SmsConsent.OptedIn), ("No Consent", "+12125550104", SmsConsent.None), ("Out Already", "+12125550105", SmsConsent.OptedOut),
                 })
        {
            var created = await PersonConsent.CreateAsync(app.Services, new CreateContactRequest(name, phone, Tags: ["party"], SmsConsent: consent));
            people[name] = created.Contact!.Id;
        }
        var campaign = await app.Services.GetRequiredService<CampaignService>().CreateAsync(
            new NewCampaign("December dates", "Hi {FirstName|there}, December hibachi dates are filling up!", new Audience(["party"], [], []), null), Actor.System, default);
        return new Setup(app, time, provider, faults, campaign.Id, people);
    }

    private static async Task RunSenderAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
    }

    private static async Task<Dictionary<Guid, DeliveryRow>> DeliveriesAsync(Setup s) =>
        (await s.App.Services.GetRequiredService<CampaignService>().DeliveriesAsync(s.CampaignId, default)).ToDictionary(d => d.ContactId);

    [Fact]
    public async Task Eligible_people_get_one_text_a_STOP_mid_campaign_wins_and_quiet_hours_hold_until_the_window_opens()
    {
        var s = await ArrangeAsync();
        await using var _ = s.App;
        var service = s.App.Services.GetRequiredService<CampaignService>();
        await service.SendAsync(s.CampaignId, null, default);
        await service.SendAsync(s.CampaignId, null, default); // a second "send" is a no-op

        // Cy texts STOP after the recipients were written, before the sender reached him.
        await s.App.Services.GetRequiredService<ContactService>().SetConsentAsync(s.People["Cy Stopper"], new ConsentChange(SmsConsent.OptedOut, "sms-keyword", "STOP"), Actor.System, default);
        await RunSenderAsync(s.App.Services);

        var d = await DeliveriesAsync(s);
        Assert.Equal(6, d.Count);
        Assert.Equal(DeliveryStatus.Sent, d[s.People["Ava Miller"]].Status);
        Assert.Equal(DeliveryStatus.Sent, d[s.People["Ben Ode"]].Status);
        Assert.Equal((DeliveryStatus.Skipped, "optedOut"), (d[s.People["Cy Stopper"]].Status, d[s.People["Cy Stopper"]].Reason));
        Assert.Equal((DeliveryStatus.Skipped, "noConsent"), (d[s.People["No Consent"]].Status, d[s.People["No Consent"]].Reason));
        Assert.Equal((DeliveryStatus.Skipped, "optedOut"), (d[s.People["Out Already"]].Status, d[s.People["Out Already"]].Reason));
        var hana = d[s.People["Hana Lee"]];
        Assert.Equal((DeliveryStatus.Held, "quietHours"), (hana.Status, hana.Reason));
        Assert.Equal(new DateTime(2026, 11, 24, 18, 0, 0, DateTimeKind.Utc), hana.DueAt);
        Assert.Equal(["+12125550101", "+12125550102"], s.Provider.Sent.Select(x => x.To).Order());
        Assert.Contains("Hi Ava, December hibachi dates are filling up! Reply STOP to opt out.", s.Provider.Sent.Select(x => x.Text));

        // Still 07:59 in Honolulu: nothing. At 08:00 she gets it; the campaign completes.
        s.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 59, 0, TimeSpan.Zero));
        await RunSenderAsync(s.App.Services);
        Assert.Equal(2, s.Provider.Sent.Count);
        s.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        await RunSenderAsync(s.App.Services);
        Assert.Equal(1, s.Provider.CountTo("+18085550100"));
        Assert.Equal(CampaignStatus.Completed, (await service.FindAsync(s.CampaignId, default))!.Status);
    }

    [Fact]
    public async Task A_crash_at_any_database_command_of_the_send_still_ends_with_one_text_per_eligible_person()
    {
        // The clean run's command count, then a crash at every one of them in turn (fresh campaign each time).
        var clean = await ArrangeAsync();
        int commands;
        await using (clean.App)
        {
            await clean.App.Services.GetRequiredService<CampaignService>().SendAsync(clean.CampaignId, null, default);
            clean.Faults.StartCounting();
            await RunSenderAsync(clean.App.Services);
            commands = clean.Faults.Count;
            clean.Faults.Disarm();
            Assert.Equal(3, clean.Provider.Sent.Count); // Ava, Ben, Cy; Hana waits for 08:00 in Honolulu
        }
        Assert.True(commands > 10, $"counted {commands} commands");
        // Every command would take minutes (a fresh app each time); a spread of a dozen crash points covers claim, send, mark and completion.
        for (var n = 1; n <= commands; n += Math.Max(1, commands / 12))
        {
            var s = await ArrangeAsync();
            await using var _ = s.App;
            await s.App.Services.GetRequiredService<CampaignService>().SendAsync(s.CampaignId, null, default);
            s.Faults.FailFrom(n);
            try
            {
                await RunSenderAsync(s.App.Services);
            }
            catch (Exception ex) when (ex is InjectedFaultException || ex.InnerException is InjectedFaultException)
            {
            }
            s.Faults.Disarm();
            s.Time.Advance(TimeSpan.FromMinutes(5)); // the dead run's claims expire
            await RunSenderAsync(s.App.Services);
            await RunSenderAsync(s.App.Services);
            Assert.True(1 == s.Provider.CountTo("+12125550101") && 1 == s.Provider.CountTo("+12125550102") && 1 == s.Provider.CountTo("+12125550103") && s.Provider.Sent.Count == 3,
                $"crash at command {n} of {commands}: sent {string.Join(", ", s.Provider.Sent.Select(x => x.To))}");
        }
    }

    [Fact]
    public async Task Cancel_stops_unsent_messages_and_a_scheduled_send_waits_for_its_time()
    {
        var s = await ArrangeAsync();
        await using var _ = s.App;
        var service = s.App.Services.GetRequiredService<CampaignService>();
        await service.SendAsync(s.CampaignId, Start.UtcDateTime.AddHours(1), default);
        await RunSenderAsync(s.App.Services);
        Assert.Empty(s.Provider.Sent);
        Assert.Equal(CampaignStatus.Scheduled, (await service.FindAsync(s.CampaignId, default))!.Status);

        s.Time.Advance(TimeSpan.FromHours(1));
        await service.StartAsync(s.CampaignId, default);
        Assert.True(await service.CancelAsync(s.CampaignId, default));
        await RunSenderAsync(s.App.Services);
        Assert.Empty(s.Provider.Sent);
        Assert.All((await DeliveriesAsync(s)).Values.Where(d => d.Reason is null or "quietHours"), d => Assert.Equal(DeliveryStatus.Cancelled, d.Status));
    }
}

public sealed class CampaignRevenueTests
{
    [Fact]
    public async Task Bookings_within_fourteen_days_of_the_text_count_for_the_last_campaign_that_reached_the_person()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
        await using var app = new AppFactory { Time = time }.With("Hangfire:ProcessJobs", "false").With("Sms:MaxPerSecond", "0").With("Sms:FrequencyCapHours", "1");
        var contacts = app.Services.GetRequiredService<ContactService>();
        var ids = new List<Guid>();
        foreach (var (name, phone) in new[] { ("Ava", "+12125550161"), ("Ben", "+12125550162") })
        {
            ids.Add((await PersonConsent.CreateAsync(app.Services, new CreateContactRequest(name, phone, Tags: ["dec"], SmsConsent: SmsConsent.OptedIn))).Contact!.Id);
        }
        var campaigns = app.Services.GetRequiredService<CampaignService>();
        async Task<Guid> SendCampaignAsync(string name, Guid[] to)
        {
            var c = await campaigns.CreateAsync(new NewCampaign(name, "Book now", new Audience([], [], to), null), Actor.System, default);
            await campaigns.SendAsync(c.Id, null, default);
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
            return c.Id;
        }
        var bookings = app.Services.GetRequiredService<HibachiAdmin.Features.Bookings.BookingService>();
        async Task BookAsync(Guid contact, int guests) =>
            Assert.NotNull((await bookings.RequestAsync(new HibachiAdmin.Features.Bookings.BookingRequested(contact, null, new DateOnly(2027, 1, 20), null, guests, 50m, null, null, null, null), Actor.System, default)).Booking);

        var december = await SendCampaignAsync("December", [ids[0], ids[1]]);
        time.Advance(TimeSpan.FromDays(3));
        await BookAsync(ids[0], 20); // Ava, 3 days after December's text: $1,000 for December
        time.Advance(TimeSpan.FromDays(1));
        var january = await SendCampaignAsync("January", [ids[1]]);
        time.Advance(TimeSpan.FromDays(2));
        await BookAsync(ids[1], 30); // Ben, after both texts: the last touch (January) gets it
        time.Advance(TimeSpan.FromDays(20));
        await BookAsync(ids[0], 10); // Ava again, 26 days later: outside the window

        Assert.Equal(new CampaignRevenue(1, 1000m), await campaigns.RevenueAsync(december, default));
        Assert.Equal(new CampaignRevenue(1, 1500m), await campaigns.RevenueAsync(january, default));
    }
}

public sealed class CampaignReplyTests
{
    [Fact]
    public async Task A_booking_inquiry_replying_to_a_campaign_text_makes_a_lead_linked_to_the_campaign()
    {
        var (app, _, _, time) = HibachiAdmin.Tests.Features.Messaging.ExactlyOnceTests.NewApp();
        await using var _ = app;
        const string phone = "+12125550171";
        var contact = (await PersonConsent.CreateAsync(app.Services, new CreateContactRequest("Ava Reply", phone, SmsConsent: SmsConsent.OptedIn))).Contact!;
        var campaigns = app.Services.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreateAsync(new NewCampaign("Holiday", "Book your holiday party", new Audience([], [], [contact.Id]), null), Actor.System, default);
        await campaigns.SendAsync(campaign.Id, null, default);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
        }
        time.Advance(TimeSpan.FromHours(2));

        await HibachiAdmin.Tests.Features.Messaging.ExactlyOnceTests.PostAsync(app.CreateClient(), "sms",
            HibachiAdmin.Tests.Features.Messaging.ExactlyOnceTests.Sms(phone, "Yes! Can you do hibachi for 25 guests on December 19 in 10001?", time.GetUtcNow(), 1));
        await Pipeline.RunToCompletionAsync(app.Services);

        var lead = await app.Services.GetRequiredService<HibachiAdmin.Features.Leads.LeadService>().GetOpenLeadForContactAsync(contact.Id, default);
        Assert.NotNull(lead);
        Assert.Equal(campaign.Id, lead.CampaignId);
    }
}
