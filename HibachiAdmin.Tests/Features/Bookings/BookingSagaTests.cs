using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Features.Calls;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Bookings;

public sealed class BookingSagaTests
{
    [Fact]
    public async Task Confirm_then_reminder_shifted_out_of_quiet_hours_then_complete_then_review_request()
    {
        var time = TestClock.Frozen();
        await using var app = new AppFactory { Time = time, ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
        var contacts = app.Services.GetRequiredService<ContactService>();
        var contact = (await contacts.FindOrCreateByPhoneAsync("(212) 555-0171", "Saga Guest", default))!.Value.Contact;
        await PersonConsent.SetAsync(app.Services, contact.Id, SmsConsent.OptedIn);
        var lead = (await app.Services.GetRequiredService<LeadService>().CreateOrUpdateOpenLeadAsync(new NewLead(contact.Id, LeadSource.Sms), Actor.System, default)).LeadId;

        var bookings = app.Services.GetRequiredService<BookingService>();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var due = app.Services.GetRequiredService<DueMessagesJob>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        async Task<List<ScheduledMessage>> Scheduled()
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<ScheduledMessage>().AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
        }
        async Task<List<OutboundMessage>> Texts()
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.To == "+12125550171").OrderBy(m => m.CreatedAt).ToListAsync();
        }

        // A 7 a.m. party on Saturday 12 December (New York, UTC-5): T-48 h is 07:00 local, before the 08:00 window.
        var booking = (await bookings.RequestAsync(new BookingRequested(contact.Id, lead, new DateOnly(2026, 12, 12), new TimeOnly(7, 0), 20, 60m, null, "10001", null, null), Actor.System, default)).Booking!;
        // Paid in full by hand (cash): the review request waits for the party and full payment.
        Assert.NotNull((await bookings.DepositAsync(booking.Id, 1200m, Actor.System, default)).Booking);
        await bookings.ConfirmAsync(booking.Id, Actor.System, default);
        await dispatcher.DispatchBatchAsync(100, default);

        var reminder = Assert.Single(await Scheduled());
        Assert.Equal(ScheduledKind.Reminder, reminder.Kind);
        Assert.Equal(new DateTime(2026, 12, 10, 13, 0, 0, DateTimeKind.Utc), reminder.DueAt); // 08:00 local, shifted not dropped
        Assert.Single(await Texts()); // the confirmation
        Assert.Equal(LeadStatus.Booked, (await app.Services.GetRequiredService<LeadService>().GetAsync(lead, default))!.Status);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 12, 59, 0, TimeSpan.Zero));
        await due.RunAsync(default);
        Assert.Single(await Texts());
        time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 13, 0, 0, TimeSpan.Zero));
        await due.RunAsync(default);
        await due.RunAsync(default);
        Assert.Equal(2, (await Texts()).Count);
        Assert.Contains("reminder", (await Texts())[1].Text);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 12, 16, 0, 0, TimeSpan.Zero));
        await bookings.CompleteAsync(booking.Id, Actor.System, default);
        await dispatcher.DispatchBatchAsync(100, default);
        var review = (await Scheduled()).Single(m => m.Kind == ScheduledKind.ReviewRequest);
        // Party 07:00–10:00 local; review 2 h after the end = 12:00 local = 17:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 12, 17, 0, 0, DateTimeKind.Utc), review.DueAt);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 12, 17, 1, 0, TimeSpan.Zero));
        await due.RunAsync(default);
        var texts = await Texts();
        Assert.Equal(3, texts.Count);
        Assert.Equal(SmsPurpose.Marketing, texts[2].Purpose);
    }

    [Fact]
    public async Task Rescheduling_moves_the_reminder_and_cancelling_stops_it()
    {
        var time = TestClock.Frozen();
        await using var app = new AppFactory { Time = time, ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
        var contact = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("(212) 555-0172", "Move Guest", default))!.Value.Contact;
        var bookings = app.Services.GetRequiredService<BookingService>();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var booking = (await bookings.RequestAsync(new BookingRequested(contact.Id, null, new DateOnly(2026, 12, 12), new TimeOnly(18, 0), 20, 60m, null, null, null, null), Actor.System, default)).Booking!;
        await bookings.ConfirmAsync(booking.Id, Actor.System, default);
        await dispatcher.DispatchBatchAsync(100, default);
        await bookings.RescheduleAsync(booking.Id, new DateOnly(2026, 12, 19), new TimeOnly(18, 0), Actor.System, default);
        await dispatcher.DispatchBatchAsync(100, default);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var reminder = await db.Set<ScheduledMessage>().SingleAsync();
            Assert.Equal(new DateTime(2026, 12, 17, 23, 0, 0, DateTimeKind.Utc), reminder.DueAt);
        }
        await bookings.CancelAsync(booking.Id, "Moved indoors", "lost", Actor.System, default);
        await dispatcher.DispatchBatchAsync(100, default);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 18, 0, 0, 0, TimeSpan.Zero));
        await app.Services.GetRequiredService<DueMessagesJob>().RunAsync(default);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(ScheduledStatus.Cancelled, (await db.Set<ScheduledMessage>().SingleAsync()).Status);
            Assert.Equal(1, await db.Set<OutboundMessage>().CountAsync(m => m.To == "+12125550172")); // only the confirmation
        }
    }

    [Theory]
    [InlineData("lost", LeadStatus.Lost, "Booking cancelled: Venue fell through")]
    [InlineData(null, LeadStatus.Lost, "Booking cancelled: Venue fell through")]
    [InlineData("reopen", LeadStatus.Qualified, null)]
    public async Task Cancelling_a_booking_sends_its_lead_to_lost_with_the_reason_or_back_to_qualified(string? leadOutcome, LeadStatus expected, string? lostReason)
    {
        var time = TestClock.Frozen();
        await using var app = new AppFactory { Time = time, ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
        var contact = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("(212) 555-0173", "Cancel Guest", default))!.Value.Contact;
        var leads = app.Services.GetRequiredService<LeadService>();
        var lead = (await leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact.Id, LeadSource.Sms), Actor.System, default)).LeadId;
        var bookings = app.Services.GetRequiredService<BookingService>();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var booking = (await bookings.RequestAsync(new BookingRequested(contact.Id, lead, new DateOnly(2026, 12, 12), new TimeOnly(18, 0), 20, 60m, null, null, null, null), Actor.System, default)).Booking!;
        await bookings.ConfirmAsync(booking.Id, Actor.System, default);
        await dispatcher.DispatchBatchAsync(100, default);
        Assert.Equal(LeadStatus.Booked, (await leads.GetAsync(lead, default))!.Status);

        Assert.NotNull((await bookings.CancelAsync(booking.Id, "Venue fell through", leadOutcome, Actor.System, default)).Booking);
        Assert.Equal(new DispatchResult(1, 1, 0, 0), await dispatcher.DispatchBatchAsync(100, default));

        var after = (await leads.GetAsync(lead, default))!;
        Assert.Equal(expected, after.Status);
        Assert.Equal(lostReason, after.LostReason);
        var move = (await leads.GetHistoryAsync(lead, default))[^1];
        Assert.Equal((LeadStatus.Booked, expected, lostReason, Actor.System.Name), (move.From, move.To, move.Reason, move.ChangedBy));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var reminder = await db.Set<ScheduledMessage>().SingleAsync();
        Assert.Equal(ScheduledStatus.Cancelled, reminder.Status);
        Assert.Equal(time.GetUtcNow().UtcDateTime, reminder.DoneAt);
    }

    [Fact]
    public async Task A_booking_without_a_lead_touches_no_lead_and_one_cancelled_in_the_same_batch_gets_no_reminder()
    {
        var time = TestClock.Frozen();
        await using var app = new AppFactory { Time = time, ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
        var contacts = app.Services.GetRequiredService<ContactService>();
        var contact = (await contacts.FindOrCreateByPhoneAsync("(212) 555-0174", "Lead Only", default))!.Value.Contact;
        var other = (await contacts.FindOrCreateByPhoneAsync("(212) 555-0175", "Someone Else", default))!.Value.Contact;
        var leads = app.Services.GetRequiredService<LeadService>();
        var otherLead = (await leads.CreateOrUpdateOpenLeadAsync(new NewLead(other.Id, LeadSource.Sms), Actor.System, default)).LeadId;
        var bookings = app.Services.GetRequiredService<BookingService>();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        // A booking without a lead: confirming and cancelling it touches no lead.
        var booking = (await bookings.RequestAsync(new BookingRequested(contact.Id, null, new DateOnly(2026, 12, 12), null, 20, 60m, null, null, null, null), Actor.System, default)).Booking!;
        await bookings.ConfirmAsync(booking.Id, Actor.System, default);
        await bookings.CancelAsync(booking.Id, "changed plans", "lost", Actor.System, default);
        Assert.Equal(new DispatchResult(4, 4, 0, 0), await dispatcher.DispatchBatchAsync(100, default)); // the other lead created, requested, confirmed, cancelled
        Assert.Equal(LeadStatus.New, (await leads.GetAsync(otherLead, default))!.Status);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // Confirmed and cancelled in one batch: the read model is already cancelled, so no reminder was made.
        Assert.Empty(await db.Set<ScheduledMessage>().ToListAsync());
        // The confirmation text still went (it was confirmed), once.
        Assert.Equal(1, await db.Set<OutboundMessage>().CountAsync(m => m.To == "+12125550174" && m.CorrelationId == $"booking-confirmation:{booking.Id}"));
    }
}
