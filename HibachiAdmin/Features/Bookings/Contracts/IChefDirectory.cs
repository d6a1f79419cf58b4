namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>The chefs and their parties, for other features (the calendar, the per-chef iCalendar feed). Implemented by Bookings.</summary>
public interface IChefDirectory
{
    /// <summary>Chefs by name; inactive ones only when asked for.</summary>
    Task<IReadOnlyList<ChefSummary>> ListAsync(bool includeInactive, CancellationToken ct);

    Task<ChefSummary?> GetAsync(Guid chefId, CancellationToken ct);

    /// <summary>
    /// The parties <paramref name="chefId"/> is assigned to whose event date is from <paramref name="from"/> to
    /// <paramref name="to"/> (inclusive, business-time-zone dates), cancelled ones included (a feed must say they are
    /// off), soonest first.
    /// </summary>
    Task<IReadOnlyList<ChefParty>> PartiesForChefAsync(Guid chefId, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Every chef assignment of parties dated from <paramref name="from"/> to <paramref name="to"/> (one row per chef and party), soonest first.</summary>
    Task<IReadOnlyList<ChefParty>> AssignmentsBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}
