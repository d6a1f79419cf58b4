using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
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

/// <summary>
/// The campaign sender row by row: batch sizes and the per-second throttle, what a sent, failed, refused, held or
/// in-doubt row records, rules read again at send time, scheduled starts, expiry and completion at their exact instants.
/// Rows are written straight into the tables so each test sets up exactly the state it needs.
/// </summary>
public sealed class CampaignSendRowTests
{
    // 15:00 UTC = 10:00 in New York, 05:00 in Honolulu (quiet until 18:00 UTC).
    private static readonly DateTimeOffset Start = TestClock.Start;
    private static readonly DateTime Now = Start.UtcDateTime;
    private const string Template = "Hi {FirstName}, December dates are open!";

    private static (AppFactory App, FakeTimeProvider Time, ScriptedSmsProvider Provider) NewApp(int maxPerSecond = 0, int capHours = 16)
    {
        var time = TestClock.Frozen();
        var provider = new ScriptedSmsProvider();
        var app = new AppFactory
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(provider);
            },
        }.With("Hangfire:ProcessJobs", "false").With("Sms:MaxPerSecond", $"{maxPerSecond}").With("Sms:FrequencyCapHours", $"{capHours}");
        return (app, time, provider);
    }

    private static async Task<Guid> PersonAsync(IServiceProvider s, string name, string phone) =>
        (await PersonConsent.CreateAsync(s, new CreateContactRequest(name, phone, SmsConsent: SmsConsent.OptedIn))).Contact!.Id;

    private static async Task<Guid> CampaignAsync(IServiceProvider s, CampaignStatus status = CampaignStatus.Sending, string message = Template, DateTime? endAt = null)
    {
        var campaign = await s.GetRequiredService<CampaignService>().CreateAsync(new NewCampaign("Edge", message, Audience.All, endAt), Actor.System, default);
        await using var db = await Db(s);
        await db.Set<Campaign>().Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, status));
        return campaign.Id;
    }

    private static async Task<long> RowAsync(IServiceProvider s, Guid campaign, Guid contact, string? phone, DeliveryStatus status = DeliveryStatus.Pending, DateTime? dueAt = null, string? reason = null)
    {
        await using var db = await Db(s);
        var row = new CampaignDelivery { CampaignId = campaign, ContactId = contact, Phone = phone, Status = status, Reason = reason, DueAt = dueAt ?? Now };
        db.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static async Task<AppDbContext> Db(IServiceProvider s) => await s.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private static async Task<CampaignDelivery> RowAsync(IServiceProvider s, long id)
    {
        await using var db = await Db(s);
        return await db.Set<CampaignDelivery>().AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private static async Task<Campaign> FindAsync(IServiceProvider s, Guid id) => (await s.GetRequiredService<CampaignService>().FindAsync(id, default))!;

    private static async Task RunAsync(IServiceProvider s)
    {
        using var scope = s.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
    }

    private static async Task<OutboundMessage> MessageAsync(IServiceProvider s, Guid campaign, Guid contact)
    {
        await using var db = await Db(s);
        var key = CampaignService.CorrelationPrefix(campaign) + contact;
        return await db.Set<OutboundMessage>().AsNoTracking().SingleAsync(m => m.CorrelationId == key);
    }

    [Theory]
    [InlineData(0, 70)] // no throttle: up to 500 rows a claim
    [InlineData(30, 60)] // twice the per-second allowance (at least 50)
    public async Task A_claim_takes_a_batch_sized_by_the_throttle_and_rows_of_unknown_contacts_are_skipped_unsent(int maxPerSecond, int batch)
    {
        var (app, _, provider) = NewApp(maxPerSecond);
        await using var _ = app;
        var s = app.Services;
        var ava = await PersonAsync(s, "Ava Batch", "+12125550301");
        var campaign = await CampaignAsync(s);
        var avaRow = await RowAsync(s, campaign, ava, "+12125550301", dueAt: Now.AddMinutes(-1));
        var unknown = new List<long>();
        for (var i = 0; i < 69; i++)
        {
            unknown.Add(await RowAsync(s, campaign, Guid.NewGuid(), $"+1212555{i + 400:D4}"));
        }
        var claimed = -1;
        provider.OnSend = async (_, _) =>
        {
            await using var db = await Db(s);
            claimed = await db.Set<CampaignDelivery>().CountAsync(d => d.Status == DeliveryStatus.Sending);
            return null;
        };
        await RunAsync(s);

        Assert.Equal(batch, claimed);
        Assert.Equal(["+12125550301"], provider.Sent.Select(x => x.To));
        Assert.Equal(DeliveryStatus.Sent, (await RowAsync(s, avaRow)).Status);
        foreach (var id in unknown)
        {
            var row = await RowAsync(s, id);
            Assert.Equal((DeliveryStatus.Skipped, "invalidNumber", (string?)null, (DateTime?)null), (row.Status, row.Reason, row.LockedBy, row.LockedUntil));
        }
        Assert.Equal((CampaignStatus.Completed, (DateTime?)Now), ((await FindAsync(s, campaign)).Status, (await FindAsync(s, campaign)).CompletedAt));
    }

    [Theory]
    [InlineData(3, new[] { 3, 3, 3, 4 })] // a second's allowance per provider round, the rest after the throttle refills
    [InlineData(0, new[] { 4, 4, 4, 4 })] // no throttle: the whole claim in one round
    public async Task Texts_go_in_row_order_in_rounds_of_the_per_second_allowance_and_each_row_records_its_text(int maxPerSecond, int[] storedAtEachSend)
    {
        var (app, _, provider) = NewApp(maxPerSecond);
        await using var _ = app;
        var s = app.Services;
        var campaign = await CampaignAsync(s);
        var people = new List<(Guid Id, long Row, string Phone)>();
        foreach (var (name, phone) in new[] { ("Dee", "+12125550314"), ("Cal", "+12125550313"), ("Bo", "+12125550312"), ("Al", "+12125550311") })
        {
            var id = await PersonAsync(s, name, phone);
            // One was held for quiet hours earlier and is due now: its reason goes once it is sent.
            people.Add((id, await RowAsync(s, campaign, id, phone, name == "Cal" ? DeliveryStatus.Held : DeliveryStatus.Pending, Now.AddMinutes(-1), name == "Cal" ? "quietHours" : null), phone));
        }
        var stored = new List<int>();
        provider.OnSend = async (_, _) =>
        {
            await using var db = await Db(s);
            stored.Add(await db.Set<OutboundMessage>().CountAsync());
            return null;
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await RunAsync(s);
        clock.Stop();

        Assert.Equal(storedAtEachSend, stored);
        if (maxPerSecond > 0)
        {
            // The fourth text needed the throttle's next refill, a second after it was made (a lower bound only: never flaky).
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"four texts at {maxPerSecond}/s took {clock.Elapsed}");
        }
        Assert.Equal(people.Select(p => p.Phone), provider.Sent.Select(x => x.To));
        foreach (var (id, rowId, _) in people)
        {
            var row = await RowAsync(s, rowId);
            var message = await MessageAsync(s, campaign, id);
            var name = provider.Sent.Single(x => x.Id == message.Id).Text.Split(',')[0][3..];
            Assert.Equal($"Hi {name}, December dates are open! Reply STOP to opt out.", row.Text);
            Assert.Equal(row.Text, message.Text);
            Assert.Equal((1, DeliveryStatus.Sent, (string?)null, (Guid?)message.Id, ScriptedSmsProvider.IdFor(message.Id), (DateTime?)Now, (string?)null, (DateTime?)null),
                (row.Segments, row.Status, row.Reason, row.OutboundMessageId, row.ProviderMessageId, row.SentAt, row.LockedBy, row.LockedUntil));
            Assert.Equal(SmsPurpose.Marketing, message.Purpose);
        }
        Assert.Equal(CampaignStatus.Completed, (await FindAsync(s, campaign)).Status);
    }

    [Fact]
    public async Task Rules_are_read_again_at_send_time_a_frequency_cap_and_quiet_hours_hold_the_row_until_they_allow_it()
    {
        var (app, time, provider) = NewApp(capHours: 48);
        await using var _ = app;
        var s = app.Services;
        var ava = await PersonAsync(s, "Ava Capped", "+12125550321");
        var hana = await PersonAsync(s, "Hana Lee", "+18085550320");
        // Ava had a marketing text 26 hours ago: with a 48-hour gap she waits until 13:00 UTC tomorrow (08:00 in New York).
        await using (var db = await Db(s))
        {
            db.Add(new OutboundMessage { To = "+12125550321", Text = "Earlier offer", Purpose = SmsPurpose.Marketing, Status = OutboundStatus.Sent, CreatedAt = Now.AddHours(-26), UpdatedAt = Now.AddHours(-26) });
            await db.SaveChangesAsync();
        }
        var campaign = await CampaignAsync(s);
        var avaRow = await RowAsync(s, campaign, ava, "+12125550321");
        var hanaRow = await RowAsync(s, campaign, hana, "+18085550320");
        await RunAsync(s);

        Assert.Empty(provider.Sent);
        var a = await RowAsync(s, avaRow);
        Assert.Equal((DeliveryStatus.Held, "frequencyCap", Now.AddHours(22), (string?)null, (DateTime?)null), (a.Status, a.Reason, a.DueAt, a.LockedBy, a.LockedUntil));
        var h = await RowAsync(s, hanaRow);
        Assert.Equal((DeliveryStatus.Held, "quietHours", Now.AddHours(3), (string?)null, (DateTime?)null), (h.Status, h.Reason, h.DueAt, h.LockedBy, h.LockedUntil));
        Assert.Equal((CampaignStatus.Sending, (DateTime?)null), ((await FindAsync(s, campaign)).Status, (await FindAsync(s, campaign)).CompletedAt));

        time.SetUtcNow(Start.AddHours(3));
        await RunAsync(s);
        Assert.Equal(["+18085550320"], provider.Sent.Select(x => x.To));
        Assert.Equal((DeliveryStatus.Sent, (string?)null), ((await RowAsync(s, hanaRow)).Status, (await RowAsync(s, hanaRow)).Reason));
        Assert.Equal(CampaignStatus.Sending, (await FindAsync(s, campaign)).Status); // Ava is still held

        time.SetUtcNow(Start.AddHours(22));
        await RunAsync(s);
        Assert.Equal(1, provider.CountTo("+12125550321"));
        Assert.Equal((CampaignStatus.Completed, (DateTime?)Now.AddHours(22)), ((await FindAsync(s, campaign)).Status, (await FindAsync(s, campaign)).CompletedAt));
    }

    [Fact]
    public async Task The_caps_count_texts_to_the_contacts_number_now_and_a_contact_without_a_number_is_skipped()
    {
        var (app, time, provider) = NewApp();
        await using var _ = app;
        var s = app.Services;
        var ava = await PersonAsync(s, "Ava Moved", "+12125550381");
        Guid noPhone;
        await using (var db = await Db(s))
        {
            // A texted marketing 2 hours ago at her current number; a contact from Messenger has no number at all.
            db.Add(new OutboundMessage { To = "+12125550381", Text = "Earlier offer", Purpose = SmsPurpose.Marketing, Status = OutboundStatus.Sent, CreatedAt = Now.AddHours(-2), UpdatedAt = Now.AddHours(-2) });
            var meta = new Contact { Name = "Meta Only", SmsConsent = SmsConsent.OptedIn, CreatedAt = Now, UpdatedAt = Now };
            db.Add(meta);
            noPhone = meta.Id;
            await db.SaveChangesAsync();
        }
        var campaign = await CampaignAsync(s);
        // Ava's row still has the number she had when the send started.
        var avaRow = await RowAsync(s, campaign, ava, "+12125550389");
        var metaRow = await RowAsync(s, campaign, noPhone, null);
        await RunAsync(s);

        Assert.Empty(provider.Sent);
        var a = await RowAsync(s, avaRow);
        Assert.Equal((DeliveryStatus.Held, "frequencyCap", Now.AddHours(22)), (a.Status, a.Reason, a.DueAt)); // 16 hours after, then 08:00 in New York
        var m = await RowAsync(s, metaRow);
        Assert.Equal((DeliveryStatus.Skipped, "invalidNumber"), (m.Status, m.Reason));

        time.SetUtcNow(Start.AddHours(22));
        await RunAsync(s);
        Assert.Equal(["+12125550381"], provider.Sent.Select(x => x.To));
    }

    [Fact]
    public async Task A_provider_refusal_fails_the_row_and_a_text_the_SMS_service_refuses_skips_it_with_the_reason()
    {
        var (app, _, provider) = NewApp();
        await using var _ = app;
        var s = app.Services;
        var ava = await PersonAsync(s, "Ava Fine", "+12125550331");
        var ben = await PersonAsync(s, "Ben Fails", "+12125550332");
        var cy = await PersonAsync(s, "Cy Long", "+12125550333");
        provider.OnSend = (_, to) => Task.FromResult(to == "+12125550332" ? new ProviderSendResult(false, null, "carrier down") : null);
        var normal = await CampaignAsync(s);
        var avaRow = await RowAsync(s, normal, ava, "+12125550331");
        var benRow = await RowAsync(s, normal, ben, "+12125550332");
        // 990 characters plus the opt-out line: longer than the SMS service takes.
        var tooLong = await CampaignAsync(s, message: new string('a', 990));
        var cyRow = await RowAsync(s, tooLong, cy, "+12125550333");
        await RunAsync(s);

        Assert.Equal(["+12125550331"], provider.Sent.Select(x => x.To));
        Assert.Equal(DeliveryStatus.Sent, (await RowAsync(s, avaRow)).Status);
        var b = await RowAsync(s, benRow);
        var benText = await MessageAsync(s, normal, ben);
        Assert.Equal((DeliveryStatus.Failed, "providerError", (Guid?)benText.Id, (string?)null, (string?)null, (DateTime?)null),
            (b.Status, b.Reason, b.OutboundMessageId, b.ProviderMessageId, b.LockedBy, b.LockedUntil));
        var c = await RowAsync(s, cyRow);
        Assert.Equal((DeliveryStatus.Skipped, "tooLong", (string?)null), (c.Status, c.Reason, c.LockedBy));
        Assert.Equal(CampaignStatus.Completed, (await FindAsync(s, normal)).Status);
        Assert.Equal(CampaignStatus.Completed, (await FindAsync(s, tooLong)).Status);
    }

    [Fact]
    public async Task A_STOP_that_lands_after_the_decision_but_before_the_text_goes_wins()
    {
        var (app, _, provider) = NewApp(maxPerSecond: 1);
        await using var _ = app;
        var s = app.Services;
        var ava = await PersonAsync(s, "Ava First", "+12125550341");
        var ben = await PersonAsync(s, "Ben Stops", "+12125550342");
        var campaign = await CampaignAsync(s);
        var avaRow = await RowAsync(s, campaign, ava, "+12125550341");
        var benRow = await RowAsync(s, campaign, ben, "+12125550342");
        // Both were decided eligible; Ben's STOP is processed while Ava's text is with the provider.
        provider.OnSend = async (_, to) =>
        {
            if (to == "+12125550341")
            {
                await s.GetRequiredService<ContactService>().SetConsentAsync(ben, new ConsentChange(SmsConsent.OptedOut, "sms-keyword", "STOP"), Actor.System, default);
            }
            return null;
        };
        await RunAsync(s);

        Assert.Equal(["+12125550341"], provider.Sent.Select(x => x.To));
        Assert.Equal(DeliveryStatus.Sent, (await RowAsync(s, avaRow)).Status);
        var b = await RowAsync(s, benRow);
        Assert.Equal((DeliveryStatus.Skipped, "optedOut", (string?)null), (b.Status, b.Reason, b.LockedBy));
        Assert.Equal(CampaignStatus.Completed, (await FindAsync(s, campaign)).Status);
    }

    [Fact]
    public async Task A_row_whose_text_is_in_doubt_stays_claimed_until_the_recovery_settles_it_then_records_the_one_text()
    {
        var (app, time, provider) = NewApp();
        await using var _ = app;
        var s = app.Services;
        var ava = await PersonAsync(s, "Ava Lost", "+12125550351");
        var ben = await PersonAsync(s, "Ben Later", "+12125550352");
        var campaign = await CampaignAsync(s);
        var avaRow = await RowAsync(s, campaign, ava, "+12125550351");
        provider.OnSend = (_, _) => throw new ProcessDiedException();
        await Assert.ThrowsAsync<ProcessDiedException>(() => RunAsync(s));
        var avaText = await MessageAsync(s, campaign, ava);

        // Five minutes on, the dead run's lease is over; a new row is due too. Ben's provider call takes 30 s.
        time.Advance(TimeSpan.FromMinutes(5));
        var benRow = await RowAsync(s, campaign, ben, "+12125550352", dueAt: time.GetUtcNow().UtcDateTime);
        provider.OnSend = (_, _) =>
        {
            time.Advance(TimeSpan.FromSeconds(30));
            return Task.FromResult<ProviderSendResult?>(null);
        };
        await RunAsync(s);
        Assert.Equal(["+12125550352"], provider.Sent.Select(x => x.To));
        var a = await RowAsync(s, avaRow);
        Assert.Equal((DeliveryStatus.Sending, (Guid?)avaText.Id, (string?)null, (DateTime?)(Now.AddMinutes(5).AddSeconds(30) + SmsService.InDoubtAfter)),
            (a.Status, a.OutboundMessageId, a.ProviderMessageId, a.LockedUntil));
        Assert.NotNull(a.LockedBy);
        Assert.Equal(DeliveryStatus.Sent, (await RowAsync(s, benRow)).Status);
        Assert.Equal(CampaignStatus.Sending, (await FindAsync(s, campaign)).Status);

        // Still claimed a minute later: the sender leaves it.
        time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync(s);
        Assert.Equal(DeliveryStatus.Sending, (await RowAsync(s, avaRow)).Status);

        // The recovery sends it (the provider never had it); after the claim runs out the sender records it.
        Assert.Equal(1, await s.GetRequiredService<SmsService>().ResolveInDoubtAsync(default));
        time.Advance(TimeSpan.FromMinutes(2));
        await RunAsync(s);
        a = await RowAsync(s, avaRow);
        Assert.Equal((DeliveryStatus.Sent, ScriptedSmsProvider.IdFor(avaText.Id), (string?)null), (a.Status, a.ProviderMessageId, a.LockedBy));
        Assert.Equal(1, provider.CountTo("+12125550351"));
        Assert.Equal(CampaignStatus.Completed, (await FindAsync(s, campaign)).Status);
    }

    [Fact]
    public async Task A_second_sender_running_meanwhile_leaves_the_first_senders_rows_alone()
    {
        var (app, _, provider) = NewApp();
        await using var _ = app;
        var s = app.Services;
        var ava = await PersonAsync(s, "Ava One", "+12125550361");
        var ben = await PersonAsync(s, "Ben Two", "+12125550362");
        var campaign = await CampaignAsync(s);
        var avaRow = await RowAsync(s, campaign, ava, "+12125550361");
        long benRow = 0;
        CampaignDelivery? avaDuringB = null;
        provider.OnSend = async (_, to) =>
        {
            if (to == "+12125550361")
            {
                // Another instance's sender: claims the row that just became due, sends it, and must not touch Ava's.
                benRow = await RowAsync(s, campaign, ben, "+12125550362");
                await RunAsync(s);
                avaDuringB = await RowAsync(s, avaRow);
            }
            return null;
        };
        await RunAsync(s);

        Assert.NotNull(avaDuringB);
        Assert.Equal((DeliveryStatus.Sending, (Guid?)null), (avaDuringB.Status, avaDuringB.OutboundMessageId));
        Assert.Equal(["+12125550362", "+12125550361"], provider.Sent.Select(x => x.To));
        Assert.Equal(DeliveryStatus.Sent, (await RowAsync(s, avaRow)).Status);
        Assert.Equal(DeliveryStatus.Sent, (await RowAsync(s, benRow)).Status);
        Assert.Equal(CampaignStatus.Completed, (await FindAsync(s, campaign)).Status);
    }

    [Fact]
    public async Task Scheduled_sends_start_at_their_minute_and_end_times_expire_what_is_left_at_theirs()
    {
        var (app, time, provider) = NewApp();
        await using var _ = app;
        var s = app.Services;
        var service = s.GetRequiredService<CampaignService>();
        var ava = await PersonAsync(s, "Ava Scheduled", "+12125550371");
        var ben = await PersonAsync(s, "Ben Other", "+12125550372");
        var at = Now.AddHours(1);
        var scheduled = await service.CreateAsync(new NewCampaign("Later", Template, new Audience([], [], [ava]), null), Actor.System, default);
        await service.SendAsync(scheduled.Id, at, default);
        var draft = await CampaignAsync(s, CampaignStatus.Draft);

        // Ends exactly at `at`: its pending and held rows expire, what was sent stays sent.
        var ending = await CampaignAsync(s, endAt: at);
        var pending = await RowAsync(s, ending, Guid.NewGuid(), "+12125550373", dueAt: at.AddMinutes(5));
        var held = await RowAsync(s, ending, Guid.NewGuid(), "+12125550374", DeliveryStatus.Held, at.AddHours(2), "quietHours");
        var sent = await RowAsync(s, ending, Guid.NewGuid(), "+12125550375", DeliveryStatus.Sent);
        // Ends a minute later: untouched, still sending (its row is due later).
        var later = await CampaignAsync(s, endAt: at.AddMinutes(1));
        var laterRow = await RowAsync(s, later, Guid.NewGuid(), "+12125550376", dueAt: at.AddHours(1));
        // Paused past its end: untouched while paused.
        var paused = await CampaignAsync(s, CampaignStatus.Paused, endAt: Now);
        var pausedRow = await RowAsync(s, paused, Guid.NewGuid(), "+12125550377");
        // No end time: its due row is sent.
        var open = await CampaignAsync(s);
        var openRow = await RowAsync(s, open, ben, "+12125550372", dueAt: at);

        time.SetUtcNow(at.AddTicks(-1));
        await RunAsync(s);
        Assert.Empty(provider.Sent);
        Assert.Equal(CampaignStatus.Scheduled, (await FindAsync(s, scheduled.Id)).Status);
        Assert.Equal(DeliveryStatus.Pending, (await RowAsync(s, pending)).Status);

        time.SetUtcNow(at);
        await RunAsync(s);
        Assert.Equal(["+12125550371", "+12125550372"], provider.Sent.Select(x => x.To).Order());
        Assert.Equal((CampaignStatus.Completed, (DateTime?)at), ((await FindAsync(s, scheduled.Id)).Status, (await FindAsync(s, scheduled.Id)).StartedAt));
        Assert.Equal((DeliveryStatus.Cancelled, "expired"), ((await RowAsync(s, pending)).Status, (await RowAsync(s, pending)).Reason));
        Assert.Equal((DeliveryStatus.Cancelled, "expired"), ((await RowAsync(s, held)).Status, (await RowAsync(s, held)).Reason));
        Assert.Equal((DeliveryStatus.Sent, (string?)null), ((await RowAsync(s, sent)).Status, (await RowAsync(s, sent)).Reason));
        Assert.Equal(CampaignStatus.Completed, (await FindAsync(s, ending)).Status);
        Assert.Equal((DeliveryStatus.Pending, CampaignStatus.Sending), ((await RowAsync(s, laterRow)).Status, (await FindAsync(s, later)).Status));
        Assert.Equal((DeliveryStatus.Pending, CampaignStatus.Paused), ((await RowAsync(s, pausedRow)).Status, (await FindAsync(s, paused)).Status));
        Assert.Equal((DeliveryStatus.Sent, CampaignStatus.Completed), ((await RowAsync(s, openRow)).Status, (await FindAsync(s, open)).Status));
        Assert.Equal(CampaignStatus.Draft, (await FindAsync(s, draft)).Status);
    }
}
