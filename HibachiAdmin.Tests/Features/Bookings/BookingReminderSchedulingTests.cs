using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Calls;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>The saga's scheduling at its edges: which rows a reschedule moves, parties closer than 48 hours, no phone, DST.</summary>
public sealed class BookingReminderSchedulingTests
{
    private sealed record Setup(AppFactory App, FakeTimeProvider Time, BookingService Bookings, OutboxDispatcher Dispatcher, IDbContextFactory<AppDbContext> Factory, Contact Contact);

    private static async Task<Setup> ArrangeAsync(DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        var app = new AppFactory { Time = time, ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
        var contacts = app.Services.GetRequiredService<ContactService>();
        var contact = (await contacts.FindOrCreateByPhoneAsync("(212) 555-0181", "Edge Guest", default))!.Value.Contact;
        await PersonConsent.SetAsync(app.Services, contact.Id, SmsConsent.OptedIn);
        return new Setup(app, time, app.Services.GetRequiredService<BookingService>(), app.Services.GetRequiredService<OutboxDispatcher>(),
            app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), contact);
    }

    private static async Task<Guid> ConfirmedAsync(Setup s, DateOnly day, TimeOnly at, Guid? lead = null, Guid? contact = null)
    {
        var booking = (await s.Bookings.RequestAsync(new BookingRequested(contact ?? s.Contact.Id, lead, day, at, 12, 60m, null, "10001", null, null), Actor.System, default)).Booking!;
        // Paid in full by hand, so completing it is all the review request waits for.
        Assert.NotNull((await s.Bookings.DepositAsync(booking.Id, 720m, Actor.System, default)).Booking);
        Assert.NotNull((await s.Bookings.ConfirmAsync(booking.Id, Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        return booking.Id;
    }

    private static async Task<List<ScheduledMessage>> ScheduledAsync(Setup s)
    {
        await using var db = await s.Factory.CreateDbContextAsync();
        return await db.Set<ScheduledMessage>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Rescheduling_moves_only_this_bookings_pending_reminder()
    {
        var s = await ArrangeAsync(TestClock.Start);
        await using var _ = s.App;
        var a = await ConfirmedAsync(s, new DateOnly(2026, 12, 12), new TimeOnly(18, 0));
        var b = await ConfirmedAsync(s, new DateOnly(2026, 12, 19), new TimeOnly(18, 0));
        // A pending text of another kind on A (e.g. one written by hand) is not a reminder.
        var other = new ScheduledMessage { BookingId = a, ContactId = s.Contact.Id, Kind = ScheduledKind.ReviewRequest, DueAt = new DateTime(2026, 12, 20, 17, 0, 0, DateTimeKind.Utc), CreatedAt = s.Time.GetUtcNow().UtcDateTime };
        await using (var db = await s.Factory.CreateDbContextAsync())
        {
            db.Add(other);
            await db.SaveChangesAsync();
        }

        Assert.NotNull((await s.Bookings.RescheduleAsync(a, new DateOnly(2026, 12, 14), new TimeOnly(18, 0), Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);

        var rows = await ScheduledAsync(s);
        // 18:00 New York (UTC-5) two days before: 23:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 12, 23, 0, 0, DateTimeKind.Utc), rows.Single(m => m.BookingId == a && m.Kind == ScheduledKind.Reminder).DueAt);
        Assert.Equal(new DateTime(2026, 12, 17, 23, 0, 0, DateTimeKind.Utc), rows.Single(m => m.BookingId == b && m.Kind == ScheduledKind.Reminder).DueAt);
        Assert.Equal(other.DueAt, rows.Single(m => m.Id == other.Id).DueAt);
    }

    [Fact]
    public async Task A_party_less_than_48_hours_away_gets_its_reminder_now_and_a_late_completion_asks_for_a_review_now()
    {
        // Friday 11 December, 10:00 in New York; the party is tomorrow at 18:00.
        var now = new DateTimeOffset(2026, 12, 11, 15, 0, 0, TimeSpan.Zero);
        var s = await ArrangeAsync(now);
        await using var _ = s.App;
        var id = await ConfirmedAsync(s, new DateOnly(2026, 12, 12), new TimeOnly(18, 0));
        Assert.Equal(now.UtcDateTime, (await ScheduledAsync(s)).Single(m => m.BookingId == id && m.Kind == ScheduledKind.Reminder).DueAt);

        // Marked completed three days later, at noon: the review request (due 2 h after the party) goes now.
        s.Time.SetUtcNow(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
        Assert.NotNull((await s.Bookings.CompleteAsync(id, Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        Assert.Equal(new DateTime(2026, 12, 15, 17, 0, 0, DateTimeKind.Utc), (await ScheduledAsync(s)).Single(m => m.Kind == ScheduledKind.ReviewRequest).DueAt);
    }

    [Fact]
    public async Task Without_a_customer_record_the_moved_reminder_keeps_its_exact_time_and_a_DST_gap_start_counts_from_the_hour_after()
    {
        var s = await ArrangeAsync(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));
        await using var _ = s.App;
        var id = await ConfirmedAsync(s, new DateOnly(2027, 3, 20), new TimeOnly(18, 0));
        // The customer's record is erased (the app keeps no way to remove a number; an erasure request does).
        await using (var db = await s.Factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Set<Contact>().Where(c => c.Id == s.Contact.Id).ExecuteDeleteAsync());
        }

        // 07:00 local on Saturday 20 March: 48 h before is 07:00 on Thursday, inside quiet hours; with no number
        // to judge the window by, the time stands as computed.
        Assert.NotNull((await s.Bookings.RescheduleAsync(id, new DateOnly(2027, 3, 20), new TimeOnly(7, 0), Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        Assert.Equal(new DateTime(2027, 3, 18, 11, 0, 0, DateTimeKind.Utc), (await ScheduledAsync(s)).Single().DueAt); // 07:00 EDT

        // 02:30 on 14 March 2027 does not exist in New York (clocks jump 02:00 → 03:00): the party counts from 03:30 EDT = 07:30 UTC.
        Assert.NotNull((await s.Bookings.RescheduleAsync(id, new DateOnly(2027, 3, 14), new TimeOnly(2, 30), Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        Assert.Equal(new DateTime(2027, 3, 12, 7, 30, 0, DateTimeKind.Utc), (await ScheduledAsync(s)).Single().DueAt);
    }

    [Fact]
    public async Task An_event_for_a_booking_that_no_longer_exists_is_passed_over_and_the_consumer_name_is_stable()
    {
        var s = await ArrangeAsync(TestClock.Start);
        await using var _ = s.App;
        var saga = s.App.Services.GetServices<IEventHandler>().OfType<BookingSaga>().Single();
        // Processed marks are keyed by this name: renaming it would run the saga again on every old event.
        Assert.Equal("booking.saga", saga.Name);
        await using var db = await s.Factory.CreateDbContextAsync();
        await saga.HandleAsync(new OutboxEntry { EventId = Guid.NewGuid(), EventType = BookingEventTypes.Confirmed, StreamId = Guid.NewGuid(), Data = "{}" }, db, default);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    private static async Task<ScheduledMessage> OnlyAsync(Setup s, Guid booking, ScheduledKind kind) =>
        Assert.Single(await ScheduledAsync(s), m => m.BookingId == booking && m.Kind == kind);

    private static async Task<Guid> LeadAsync(Setup s) =>
        (await s.App.Services.GetRequiredService<LeadService>().CreateOrUpdateOpenLeadAsync(new NewLead(s.Contact.Id, LeadSource.Sms), Actor.System, default)).LeadId;

    private static async Task<LeadStatus> LeadStatusAsync(Setup s, Guid lead) =>
        (await s.App.Services.GetRequiredService<LeadService>().GetAsync(lead, default))!.Status;

    [Fact]
    public async Task A_rescheduled_reminder_is_shifted_into_the_sending_window_stays_pending_and_never_lands_in_the_past()
    {
        var s = await ArrangeAsync(TestClock.Start);
        await using var _ = s.App;
        var lead = await LeadAsync(s);
        var id = await ConfirmedAsync(s, new DateOnly(2026, 12, 19), new TimeOnly(18, 0), lead);
        Assert.Equal(LeadStatus.Booked, await LeadStatusAsync(s, lead));

        // Moved to a 7 a.m. party: 48 h before is 07:00 New York (12:00 UTC), before the 08:00 window opens.
        Assert.NotNull((await s.Bookings.RescheduleAsync(id, new DateOnly(2026, 12, 19), new TimeOnly(7, 0), Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        var reminder = await OnlyAsync(s, id, ScheduledKind.Reminder);
        Assert.Equal((new DateTime(2026, 12, 17, 13, 0, 0, DateTimeKind.Utc), ScheduledStatus.Pending, (DateTime?)null), (reminder.DueAt, reminder.Status, reminder.DoneAt));
        // A reschedule is not a cancellation: the lead stays booked.
        Assert.Equal(LeadStatus.Booked, await LeadStatusAsync(s, lead));

        // Friday 11 December, 23:30 in New York: the party moves to tomorrow 18:00. 48 h before was Thursday 18:00,
        // already past, and the due-texts job would send a past reminder at once, at 23:30; it waits for 08:00 instead.
        s.Time.SetUtcNow(new DateTimeOffset(2026, 12, 12, 4, 30, 0, TimeSpan.Zero));
        Assert.NotNull((await s.Bookings.RescheduleAsync(id, new DateOnly(2026, 12, 12), new TimeOnly(18, 0), Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        Assert.Equal(new DateTime(2026, 12, 12, 13, 0, 0, DateTimeKind.Utc), (await OnlyAsync(s, id, ScheduledKind.Reminder)).DueAt);
        await s.App.Services.GetRequiredService<DueMessagesJob>().RunAsync(default);
        Assert.Equal(ScheduledStatus.Pending, (await OnlyAsync(s, id, ScheduledKind.Reminder)).Status);
        await using var db = await s.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<OutboundMessage>().CountAsync(m => m.CorrelationId != null && m.CorrelationId.StartsWith("booking-reminder")));
    }

    [Fact]
    public async Task Cancelling_one_booking_cancels_only_its_own_pending_texts()
    {
        var s = await ArrangeAsync(TestClock.Start);
        await using var _ = s.App;
        var a = await ConfirmedAsync(s, new DateOnly(2026, 12, 12), new TimeOnly(18, 0));
        var b = await ConfirmedAsync(s, new DateOnly(2026, 12, 19), new TimeOnly(18, 0));
        // A text of A's that already went out stays as it is.
        var sentAt = new DateTime(2026, 11, 24, 14, 0, 0, DateTimeKind.Utc);
        var sent = new ScheduledMessage { BookingId = a, ContactId = s.Contact.Id, Kind = ScheduledKind.Reminder, DueAt = sentAt, Status = ScheduledStatus.Sent, DoneAt = sentAt, CreatedAt = sentAt };
        await using (var db = await s.Factory.CreateDbContextAsync())
        {
            db.Add(sent);
            await db.SaveChangesAsync();
        }
        s.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero));

        Assert.NotNull((await s.Bookings.CancelAsync(a, "Rained out", "lost", Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);

        var rows = await ScheduledAsync(s);
        var cancelled = rows.Single(m => m.BookingId == a && m.Id != sent.Id);
        Assert.Equal((ScheduledStatus.Cancelled, (DateTime?)new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc)), (cancelled.Status, cancelled.DoneAt));
        var stillSent = rows.Single(m => m.Id == sent.Id);
        Assert.Equal((ScheduledStatus.Sent, (DateTime?)sentAt), (stillSent.Status, stillSent.DoneAt));
        var other = rows.Single(m => m.BookingId == b);
        Assert.Equal((ScheduledStatus.Pending, (DateTime?)null, new DateTime(2026, 12, 17, 23, 0, 0, DateTimeKind.Utc)), (other.Status, other.DoneAt, other.DueAt));
    }

    [Fact]
    public async Task Each_completed_booking_gets_its_own_review_request_in_the_marketing_window_the_lead_stays_booked_and_no_number_means_none()
    {
        var s = await ArrangeAsync(TestClock.Start);
        await using var _ = s.App;
        var lead = await LeadAsync(s);
        var a = await ConfirmedAsync(s, new DateOnly(2026, 12, 12), new TimeOnly(18, 0), lead);
        var b = await ConfirmedAsync(s, new DateOnly(2026, 12, 13), new TimeOnly(12, 0));
        var gone = (await s.App.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("(212) 555-0182", "Erased Guest", default))!.Value.Contact;
        var c = await ConfirmedAsync(s, new DateOnly(2026, 12, 13), new TimeOnly(12, 0), contact: gone.Id);
        await using (var db = await s.Factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Set<Contact>().Where(x => x.Id == gone.Id).ExecuteDeleteAsync());
        }

        // A: 18:00–21:00 Saturday, marked done at 21:30. Two hours after the end is 23:00, in quiet hours: 08:00 Sunday (13:00 UTC).
        s.Time.SetUtcNow(new DateTimeOffset(2026, 12, 13, 2, 30, 0, TimeSpan.Zero));
        Assert.NotNull((await s.Bookings.CompleteAsync(a, Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        Assert.Equal(new DateTime(2026, 12, 13, 13, 0, 0, DateTimeKind.Utc), (await OnlyAsync(s, a, ScheduledKind.ReviewRequest)).DueAt);
        // Completing is not cancelling: the lead stays booked.
        Assert.Equal(LeadStatus.Booked, await LeadStatusAsync(s, lead));

        // B: 12:00–15:00 Sunday, done at 15:00; A's review request does not stand in for B's. 17:00 local = 22:00 UTC.
        s.Time.SetUtcNow(new DateTimeOffset(2026, 12, 13, 20, 0, 0, TimeSpan.Zero));
        Assert.NotNull((await s.Bookings.CompleteAsync(b, Actor.System, default)).Booking);
        Assert.NotNull((await s.Bookings.CompleteAsync(c, Actor.System, default)).Booking);
        await s.Dispatcher.DispatchBatchAsync(100, default);
        Assert.Equal(new DateTime(2026, 12, 13, 22, 0, 0, DateTimeKind.Utc), (await OnlyAsync(s, b, ScheduledKind.ReviewRequest)).DueAt);
        // C's customer has no number on record any more: nothing to ask a review on.
        Assert.DoesNotContain(await ScheduledAsync(s), m => m.BookingId == c && m.Kind == ScheduledKind.ReviewRequest);
        Assert.Equal(2, (await ScheduledAsync(s)).Count(m => m.Kind == ScheduledKind.ReviewRequest));
    }

    [Fact]
    public async Task A_confirmation_delivered_twice_schedules_one_reminder_and_sends_one_text()
    {
        var s = await ArrangeAsync(TestClock.Start);
        await using var _ = s.App;
        var id = await ConfirmedAsync(s, new DateOnly(2026, 12, 12), new TimeOnly(18, 0));
        var saga = s.App.Services.GetServices<IEventHandler>().OfType<BookingSaga>().Single();
        // The outbox delivers at least once: the same confirmation handed to the saga again changes nothing.
        await using (var db = await s.Factory.CreateDbContextAsync())
        {
            var entry = await db.Set<OutboxEntry>().AsNoTracking().SingleAsync(e => e.StreamId == id && e.EventType == BookingEventTypes.Confirmed);
            await saga.HandleAsync(entry, db, default);
            await db.SaveChangesAsync();
        }
        var reminder = await OnlyAsync(s, id, ScheduledKind.Reminder);
        Assert.Equal(new DateTime(2026, 12, 10, 23, 0, 0, DateTimeKind.Utc), reminder.DueAt);
        await using (var db = await s.Factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Set<OutboundMessage>().CountAsync(m => m.CorrelationId == $"booking-confirmation:{id}"));
        }
    }
}
