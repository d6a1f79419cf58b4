using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The event sheet's commands: its details, the guaranteed guest count (a Manager's from the cutoff) and the day's reports.</summary>
public sealed partial class BookingService
{
    /// <summary><c>Bookings:GuestCountCutoffDays</c> (default 3): from the start of that many days before the party, only a Manager changes the guest count.</summary>
    public int GuestCountCutoffDays => Math.Clamp(configuration.GetValue("Bookings:GuestCountCutoffDays", 3), 0, 365);

    public Task<CommandResult> SetDetailsAsync(Guid id, int? seenVersion, PartyDetailsSet details, Actor actor, CancellationToken ct) =>
        ExecuteAsync(id, seenVersion, b => b.SetDetails(details), actor, ct);

    public Task<CommandResult> ChangeGuestCountAsync(Guid id, int? seenVersion, int guestCount, string? reason, bool isManager, Actor actor, CancellationToken ct) =>
        ExecuteAsync(id, seenVersion, b => b.ChangeGuestCount(guestCount, reason, time.GetUtcNow().UtcDateTime, GuestCountCutoffDays, formats.Zone, isManager), actor, ct);

    /// <summary>A chef's "on the way" or "arrived" (<paramref name="arrived"/>), as the chef.</summary>
    public Task<CommandResult> ReportStepAsync(Guid id, Guid chefId, string chefName, bool arrived, CancellationToken ct) =>
        ExecuteAsync(id, b => b.ReportStep(chefId, chefName, arrived, Today), new Actor($"chef {chefName}"), ct);

    public Task<CommandResult> ReportDoneAsync(Guid id, int actualGuests, string? notes, Guid? chefId, Actor actor, CancellationToken ct) =>
        ExecuteAsync(id, b => b.ReportDone(actualGuests, notes, chefId, Today), actor, ct);
}
