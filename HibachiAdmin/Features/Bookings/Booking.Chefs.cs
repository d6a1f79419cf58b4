using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>Chefs on the party and what they report on its day.</summary>
public sealed partial class Booking
{
    /// <summary>
    /// Puts a chef on a live party; assigning one already on it changes nothing. Whether the chef is free (other
    /// parties, days off) is checked by the service, which sees the other bookings.
    /// </summary>
    public Decision AssignChef(Guid chefId, string chefName)
    {
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking takes no chef.");
        }
        return ChefIds.Contains(chefId) ? new Decision([]) : Decision.Of(BookingEventTypes.ChefAssigned, new ChefAssigned(chefId, chefName));
    }

    /// <summary>Takes a chef off the party; one not on it changes nothing. A completed party keeps its chefs (its history).</summary>
    public Decision UnassignChef(Guid chefId, string chefName)
    {
        if (Status == BookingStatus.Completed)
        {
            return Decision.StateConflict("A completed party keeps the chefs who did it.");
        }
        return ChefIds.Contains(chefId) ? Decision.Of(BookingEventTypes.ChefUnassigned, new ChefUnassigned(chefId, chefName)) : new Decision([]);
    }

    /// <summary>
    /// A chef of the party says they are on the way, or have arrived (<paramref name="arrived"/>): only a chef on a live
    /// party, from its day on (<paramref name="today"/> in the business's time zone). Saying it twice changes nothing.
    /// </summary>
    public Decision ReportStep(Guid chefId, string chefName, bool arrived, DateOnly today)
    {
        if (!ChefIds.Contains(chefId))
        {
            return Decision.StateConflict($"{chefName} is not on this party any more.");
        }
        if (Status is not (BookingStatus.Requested or BookingStatus.Confirmed))
        {
            return Decision.StateConflict($"This party is {Status.ToString().ToLowerInvariant()}.");
        }
        if (today < EventDate)
        {
            return Decision.StateConflict($"The party is on {Common.Formats.LongDate(EventDate)}: this can be said from that day on.");
        }
        return arrived
            ? DayOf >= DayOfStep.Arrived ? new Decision([]) : Decision.Of(BookingEventTypes.ChefArrived, new ChefArrived(chefId, chefName))
            : DayOf >= DayOfStep.OnTheWay ? new Decision([]) : Decision.Of(BookingEventTypes.ChefOnTheWay, new ChefOnTheWay(chefId, chefName));
    }

    /// <summary>
    /// The party is done, with the guests who actually ate and notes: a confirmed party is completed in the same step
    /// (not before its day); one already marked done by staff only takes the report. Reported once.
    /// </summary>
    public Decision ReportDone(int actualGuests, string? notes, Guid? chefId, DateOnly today)
    {
        if (actualGuests is < 0 or > MaxGuests)
        {
            return Decision.Reject($"Expected 0 to {MaxGuests} guests.", "actualGuests");
        }
        if (DayOf == DayOfStep.Done)
        {
            return Decision.StateConflict("This party was already reported done.");
        }
        var report = (BookingEventTypes.PartyDone, (object)new PartyDone(actualGuests, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), chefId));
        if (Status == BookingStatus.Completed)
        {
            return new Decision([report]);
        }
        var complete = Complete(today);
        return complete.Events.Count == 0 ? complete : new Decision([report, .. complete.Events]);
    }
}
