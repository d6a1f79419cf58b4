using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Calls.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Dashboard;

/// <summary>
/// The week at a glance: asks each feature's public service for its part (bookings, inbox, calls,
/// leads) and never reads their tables. Days, weeks and "today" are the business's (Business:TimeZone).
/// </summary>
public sealed class DashboardService(IBookingService bookings, IInboxService inbox, ICallService calls, ILeadService leads, Formats formats, IConfiguration configuration, TimeProvider time)
{
    public const int NewLeadDays = 7;
    public const int FunnelDays = 30;
    public const int ChefLoadDays = 14;
    public const int ResponseDays = 7;

    public async Task<WeekAtAGlance> GetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = formats.Today;
        var week = Formats.WeekStart(today);
        var chefs = configuration.GetValue("Bookings:ChefsPerDay", 3);

        var span = await bookings.BetweenAsync(week < today ? week : today, new[] { week.AddDays(13), today.AddDays(ChefLoadDays - 1) }.Max(), ct);
        WeekParties Week(DateOnly start)
        {
            var inWeek = span.Where(b => b.EventDate >= start && b.EventDate <= start.AddDays(6) && b.Status != BookingStatus.Cancelled).ToList();
            return new WeekParties(start, inWeek.Count(b => b.Status is BookingStatus.Confirmed or BookingStatus.Completed),
                inWeek.Count(b => b.Status == BookingStatus.Requested), inWeek.Sum(b => b.GuestCount));
        }
        var chefLoad = Enumerable.Range(0, ChefLoadDays).Select(i => today.AddDays(i))
            .Select(d => new ChefDay(d, span.Count(b => b.EventDate == d && b.Status != BookingStatus.Cancelled))).ToList();

        var month = new DateOnly(today.Year, today.Month, 1);
        var revenue = (await bookings.RevenueAsync(month, month.AddMonths(1).AddDays(-1), ct)).FirstOrDefault();
        var open = await bookings.OpenAsync(today, ct);

        var pulse = await inbox.GetPulseAsync(now.AddDays(-ResponseDays), now, ct);
        var missed = await calls.CountMissedAsync(formats.UtcStartOf(today), formats.UtcStartOf(today.AddDays(1)), ct);
        var newLeads = await leads.GetIntakeAsync(formats.UtcStartOf(today.AddDays(-(NewLeadDays - 1))), now.AddTicks(1), ct);
        var funnel = await leads.GetIntakeAsync(formats.UtcStartOf(today.AddDays(-(FunnelDays - 1))), now.AddTicks(1), ct);

        return new WeekAtAGlance(today, Week(week), Week(week.AddDays(7)), month, revenue?.Booked ?? 0, revenue?.Bookings ?? 0,
            open.Count(b => b.DepositPaid == 0), open.Sum(b => b.BalanceDue), pulse, missed, newLeads, funnel, chefLoad, chefs);
    }
}
