using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>
/// From the stored Stripe event to the booking's confirmation, every database command is made to fail in turn (that
/// command and every one after it, as if the process died there), then the work runs again: the end state equals a
/// clean run's — one payment, the booking confirmed once, the lead on Booked, one confirmation text.
/// </summary>
public sealed class PaymentCrashTests(ITestOutputHelper output)
{
    private sealed record Snapshot(string Status, decimal Paid, int PaymentEvents, int Confirmations, int PaymentRows, string Lead, int Texts, int Unprocessed, int Undispatched);

    private static async Task<Snapshot> SnapshotAsync(MoneyTestApp m, MoneyTestApp.Party party)
    {
        var row = await m.RowAsync(party.BookingId);
        var types = (await m.Bookings.EventsAsync(party.BookingId, default)).Select(e => e.EventType).ToList();
        return new Snapshot(row.Status.ToString(), row.AmountPaid, types.Count(t => t == BookingEventTypes.PaymentReceived), types.Count(t => t == BookingEventTypes.Confirmed),
            await m.DbAsync(db => db.Set<Payment>().CountAsync(p => p.BookingId == party.BookingId)),
            (await m.Services.GetRequiredService<LeadService>().GetAsync(party.LeadId, default))!.Status.ToString(),
            m.Sms.CountTo(party.Phone),
            await m.DbAsync(db => db.Set<InboundEvent>().CountAsync(e => e.ProcessedAt == null)),
            await m.DbAsync(db => db.Set<OutboxEntry>().CountAsync(o => o.DispatchedAt == null)));
    }

    private static async Task RunOnceAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
        }
        catch (Exception ex) when (ex is InjectedFaultException || ex.InnerException is InjectedFaultException)
        {
        }
        try
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(500, default);
        }
        catch (Exception ex) when (ex is InjectedFaultException || ex.InnerException is InjectedFaultException)
        {
        }
    }

    [Fact]
    public async Task A_crash_at_any_database_command_from_the_stored_event_to_the_confirmation_ends_as_a_clean_run()
    {
        await using var m = new MoneyTestApp();
        var clean = await m.PartyAsync();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_crash_clean", clean.BookingId, "deposit", 30_000, "pi_crash_clean"));
        m.Faults.StartCounting();
        await m.RunAsync();
        var commands = m.Faults.Count;
        m.Faults.Disarm();
        var expected = await SnapshotAsync(m, clean);
        output.WriteLine($"{commands} commands; clean end state {expected}");
        Assert.Equal(new Snapshot("Confirmed", 300m, 1, 1, 1, "Booked", 1, 0, 0), expected);

        for (var n = 1; n <= commands; n++)
        {
            var party = await m.PartyAsync();
            Assert.Equal(System.Net.HttpStatusCode.OK, await m.PostEventAsync(MoneyTestApp.Completed($"evt_crash_{n}", party.BookingId, "deposit", 30_000, $"pi_crash_{n}")));
            m.Faults.FailFrom(n);
            await RunOnceAsync(m.Services);
            m.Faults.Disarm();
            // Later: the dead attempt's leases expire, back-off passes, the work runs again; a redelivery changes nothing.
            m.Time.Advance(TimeSpan.FromMinutes(10));
            await m.RunAsync();
            Assert.Equal(System.Net.HttpStatusCode.OK, await m.PostEventAsync(MoneyTestApp.Completed($"evt_crash_{n}", party.BookingId, "deposit", 30_000, $"pi_crash_{n}")));
            await RunOnceAsync(m.Services);
            var actual = await SnapshotAsync(m, party);
            Assert.True(expected == actual, $"crash at command {n} of {commands}:\n expected {expected}\n actual   {actual}");
        }
    }
}
