using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>
/// Issue 25: the review request goes <c>Bookings:ReviewRequestDelayHours</c> after the party <b>and</b> full payment, whichever
/// comes last; a refund that leaves money due withdraws it, a dispute or a cancellation means none, and replay changes nothing.
/// Money arrives as the Stripe sandbox's signed webhooks, through the real pipeline.
/// </summary>
public sealed class ReviewRequestAfterPartyAndPaymentTests
{
    /// <summary>Saturday 19 December, 12:00–15:00 in New York (17:00–20:00 UTC); $1,200 for 20 guests.</summary>
    private static readonly DateOnly PartyDay = new(2026, 12, 19);

    private static MoneyTestApp App()
    {
        var m = new MoneyTestApp();
        m.App.With("Bookings:ReviewRequestDelayHours", "3");
        return m;
    }

    private static async Task<(Guid Booking, string Phone)> NoonPartyAsync(MoneyTestApp m)
    {
        var phone = TestPhones.Next("212");
        var contact = (await m.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(phone.Typed, "Rey Review", default))!.Value.Contact;
        await PersonConsent.SetAsync(m.Services, contact.Id, SmsConsent.OptedIn);
        var lead = (await m.Services.GetRequiredService<LeadService>().CreateOrUpdateOpenLeadAsync(new NewLead(contact.Id, LeadSource.Sms), Actor.System, default)).LeadId;
        var booking = (await m.Bookings.RequestAsync(new BookingRequested(contact.Id, lead, PartyDay, new TimeOnly(12, 0), 20, 60m, "1 Main St", "10001", null, null), Actor.System, default)).Booking!;
        return (booking.Id, phone.E164);
    }

    private static Task<List<ScheduledMessage>> RequestsAsync(MoneyTestApp m, Guid booking) =>
        m.DbAsync(db => db.Set<ScheduledMessage>().AsNoTracking().Where(s => s.BookingId == booking && s.Kind == ScheduledKind.ReviewRequest).OrderBy(s => s.CreatedAt).ToListAsync());

    private static async Task CompleteAsync(MoneyTestApp m, Guid booking, DateTimeOffset at)
    {
        m.Time.SetUtcNow(at);
        Assert.NotNull((await m.Bookings.CompleteAsync(booking, Actor.System, default)).Booking);
        await m.RunAsync();
    }

    private static async Task PayAsync(MoneyTestApp m, Guid booking, string id, string installment, long cents, DateTimeOffset? at = null)
    {
        if (at is { } when)
        {
            m.Time.SetUtcNow(when);
        }
        await m.PostEventAsync(MoneyTestApp.Completed($"evt_{id}", booking, installment, cents, $"pi_{id}"));
        await m.RunAsync();
    }

    [Fact]
    public async Task Paid_in_full_before_the_party_the_request_is_due_the_configured_delay_after_the_party_ends()
    {
        await using var m = App();
        var (booking, _) = await NoonPartyAsync(m);
        await PayAsync(m, booking, "pf1", "deposit", 30_000);
        await PayAsync(m, booking, "pf2", "balance", 90_000);
        Assert.Empty(await RequestsAsync(m, booking)); // paid, but the party has not happened

        await CompleteAsync(m, booking, new DateTimeOffset(2026, 12, 19, 20, 30, 0, TimeSpan.Zero));
        // Ends 15:00 local; 3 h later = 18:00 local = 23:00 UTC (the default 2 h would say 22:00).
        var request = Assert.Single(await RequestsAsync(m, booking));
        Assert.Equal((ScheduledStatus.Pending, new DateTime(2026, 12, 19, 23, 0, 0, DateTimeKind.Utc)), (request.Status, request.DueAt));
    }

    [Fact]
    public async Task Done_before_the_balance_is_paid_the_request_waits_for_the_payment_and_counts_the_delay_from_it()
    {
        await using var m = App();
        var (booking, phone) = await NoonPartyAsync(m);
        await PayAsync(m, booking, "bl1", "deposit", 30_000);
        await CompleteAsync(m, booking, new DateTimeOffset(2026, 12, 19, 20, 30, 0, TimeSpan.Zero));
        Assert.Empty(await RequestsAsync(m, booking));
        m.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 3, 0, 0, TimeSpan.Zero));
        await m.Services.GetRequiredService<DueMessagesJob>().RunAsync(default);
        Assert.Equal(0, await m.TextsToAsync(phone, "review"));

        // The balance lands Sunday 10:00 local (15:00 UTC): the request is due at 13:00 local.
        await PayAsync(m, booking, "bl2", "balance", 90_000, new DateTimeOffset(2026, 12, 20, 15, 0, 0, TimeSpan.Zero));
        var request = Assert.Single(await RequestsAsync(m, booking));
        Assert.Equal((ScheduledStatus.Pending, new DateTime(2026, 12, 20, 18, 0, 0, DateTimeKind.Utc)), (request.Status, request.DueAt));
        m.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 18, 0, 0, TimeSpan.Zero));
        await m.Services.GetRequiredService<DueMessagesJob>().RunAsync(default);
        Assert.Equal(1, await m.TextsToAsync(phone, "review"));
    }

    [Fact]
    public async Task A_refund_that_leaves_money_due_withdraws_the_request_and_paying_again_brings_one_back()
    {
        await using var m = App();
        var (booking, phone) = await NoonPartyAsync(m);
        await PayAsync(m, booking, "rf1", "deposit", 30_000);
        await PayAsync(m, booking, "rf2", "balance", 90_000);
        await CompleteAsync(m, booking, new DateTimeOffset(2026, 12, 19, 20, 30, 0, TimeSpan.Zero));
        Assert.Equal([ScheduledStatus.Pending], (await RequestsAsync(m, booking)).Select(r => r.Status));

        await m.PostEventAsync(MoneyTestApp.Refunded("evt_rf3", "pi_rf2", 90_000, 20_000));
        await m.RunAsync();
        Assert.Equal([ScheduledStatus.Cancelled], (await RequestsAsync(m, booking)).Select(r => r.Status));
        m.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero));
        await m.Services.GetRequiredService<DueMessagesJob>().RunAsync(default);
        Assert.Equal(0, await m.TextsToAsync(phone, "review"));

        // The $200 still owed is paid the next morning (10:00 local): a new request, 3 h after that payment.
        await PayAsync(m, booking, "rf4", "balance", 20_000, new DateTimeOffset(2026, 12, 20, 15, 0, 0, TimeSpan.Zero));
        var requests = await RequestsAsync(m, booking);
        Assert.Equal([ScheduledStatus.Cancelled, ScheduledStatus.Pending], requests.Select(r => r.Status));
        Assert.Equal(new DateTime(2026, 12, 20, 18, 0, 0, DateTimeKind.Utc), requests[1].DueAt);
    }

    [Fact]
    public async Task A_disputed_payment_means_no_request_even_when_the_money_covers_the_party()
    {
        await using var m = App();
        var (booking, _) = await NoonPartyAsync(m);
        await PayAsync(m, booking, "dp1", "deposit", 30_000);
        await PayAsync(m, booking, "dp2", "balance", 90_000);
        await m.PostEventAsync(MoneyTestApp.Disputed("evt_dp3", "pi_dp2", 90_000));
        await m.RunAsync();
        await CompleteAsync(m, booking, new DateTimeOffset(2026, 12, 19, 20, 30, 0, TimeSpan.Zero));
        Assert.Empty(await RequestsAsync(m, booking));
    }

    [Fact]
    public async Task A_cancelled_booking_paid_in_full_gets_no_request()
    {
        await using var m = App();
        var (booking, phone) = await NoonPartyAsync(m);
        await PayAsync(m, booking, "cx1", "deposit", 30_000);
        await PayAsync(m, booking, "cx2", "balance", 90_000);
        Assert.NotNull((await m.Bookings.CancelAsync(booking, "Family emergency", "lost", Actor.System, default)).Booking);
        await m.RunAsync();
        m.Time.SetUtcNow(new DateTimeOffset(2026, 12, 21, 18, 0, 0, TimeSpan.Zero));
        await m.Services.GetRequiredService<DueMessagesJob>().RunAsync(default);
        Assert.Empty(await RequestsAsync(m, booking));
        Assert.Equal(0, await m.TextsToAsync(phone, "review"));
    }

    [Fact]
    public async Task Replay_and_redelivered_events_leave_the_one_request_as_it_was()
    {
        await using var m = App();
        var (booking, _) = await NoonPartyAsync(m);
        await PayAsync(m, booking, "rp1", "deposit", 30_000);
        await CompleteAsync(m, booking, new DateTimeOffset(2026, 12, 19, 20, 30, 0, TimeSpan.Zero));
        await PayAsync(m, booking, "rp2", "balance", 90_000, new DateTimeOffset(2026, 12, 20, 15, 0, 0, TimeSpan.Zero));
        var before = Assert.Single(await RequestsAsync(m, booking));

        m.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 16, 0, 0, TimeSpan.Zero));
        await m.Bookings.ReplayAsync(default);
        var paidInFull = (await m.RowAsync(booking)).PaidInFullAt;
        Assert.Equal(new DateTime(2026, 12, 20, 15, 0, 0, DateTimeKind.Utc), paidInFull);
        // The outbox delivers at least once: every event of the stream handed to the saga again schedules nothing new.
        var saga = m.Services.GetServices<IEventHandler>().OfType<BookingSaga>().Single();
        var entries = await m.DbAsync(db => db.Set<OutboxEntry>().AsNoTracking().Where(e => e.StreamId == booking).OrderBy(e => e.Id).ToListAsync());
        Assert.Contains(entries, e => e.EventType == BookingEventTypes.Completed);
        foreach (var entry in entries.Where(e => saga.Handles(e.EventType)))
        {
            await using var db = await m.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<HibachiAdmin.Infrastructure.Data.AppDbContext>>().CreateDbContextAsync();
            await saga.HandleAsync(entry, db, default);
            await db.SaveChangesAsync();
        }
        var after = Assert.Single(await RequestsAsync(m, booking));
        Assert.Equal((before.Id, before.Status, before.DueAt), (after.Id, after.Status, after.DueAt));
    }
}
