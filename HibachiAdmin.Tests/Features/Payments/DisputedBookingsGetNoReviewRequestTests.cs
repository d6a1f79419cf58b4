using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>Issue 25 item 5: the review request never goes out for a disputed booking, whether the dispute comes before or after the party (both paid in full).</summary>
public sealed class DisputedBookingsGetNoReviewRequestTests
{
    /// <summary>22:00 on Saturday 19 December in New York, the evening of <see cref="MoneyTestApp.PartyAsync"/>'s party.</summary>
    private static readonly DateTimeOffset AfterTheParty = new(2026, 12, 20, 3, 0, 0, TimeSpan.Zero);

    private static Task<List<ScheduledStatus>> ReviewRequestsAsync(MoneyTestApp m, Guid bookingId) =>
        m.DbAsync(db => db.Set<ScheduledMessage>().Where(s => s.BookingId == bookingId && s.Kind == ScheduledKind.ReviewRequest).Select(s => s.Status).ToListAsync());

    [Fact]
    public async Task Disputed_before_the_party_no_review_request_after_it_and_an_undisputed_one_gets_it()
    {
        await using var m = new MoneyTestApp();
        var disputed = await m.PartyAsync();
        var fine = await m.PartyAsync();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_rv1", disputed.BookingId, "deposit", 30_000, "pi_rv1"));
        await m.PostEventAsync(MoneyTestApp.Completed("evt_rv2", fine.BookingId, "deposit", 30_000, "pi_rv2"));
        await m.PostEventAsync(MoneyTestApp.Completed("evt_rv4", disputed.BookingId, "balance", 90_000, "pi_rv4"));
        await m.PostEventAsync(MoneyTestApp.Completed("evt_rv5", fine.BookingId, "balance", 90_000, "pi_rv5"));
        await m.PostEventAsync(MoneyTestApp.Disputed("evt_rv3", "pi_rv1", 30_000));
        await m.RunAsync();
        m.Time.SetUtcNow(AfterTheParty);
        Assert.NotNull((await m.Bookings.CompleteAsync(disputed.BookingId, Actor.System, default)).Booking);
        Assert.NotNull((await m.Bookings.CompleteAsync(fine.BookingId, Actor.System, default)).Booking);
        await m.RunAsync();
        Assert.Empty(await ReviewRequestsAsync(m, disputed.BookingId));
        Assert.Equal([ScheduledStatus.Pending], await ReviewRequestsAsync(m, fine.BookingId));
    }

    [Fact]
    public async Task Disputed_after_the_party_the_pending_review_request_is_withdrawn()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_rw1", party.BookingId, "deposit", 30_000, "pi_rw1"));
        await m.PostEventAsync(MoneyTestApp.Completed("evt_rw3", party.BookingId, "balance", 90_000, "pi_rw3"));
        await m.RunAsync();
        m.Time.SetUtcNow(AfterTheParty);
        Assert.NotNull((await m.Bookings.CompleteAsync(party.BookingId, Actor.System, default)).Booking);
        await m.RunAsync();
        Assert.Equal([ScheduledStatus.Pending], await ReviewRequestsAsync(m, party.BookingId));
        await m.PostEventAsync(MoneyTestApp.Disputed("evt_rw2", "pi_rw1", 30_000));
        await m.RunAsync();
        Assert.Equal([ScheduledStatus.Cancelled], await ReviewRequestsAsync(m, party.BookingId));
    }
}
