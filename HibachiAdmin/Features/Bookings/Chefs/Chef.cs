using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>
/// A chef the business sends to parties: a staff member (optionally linked to their sign-in account) or an
/// external contractor. <see cref="ScheduleStamp"/> changes with every assignment: two assignments of the same
/// chef saved at once cannot both pass the overlap check.
/// </summary>
public sealed class Chef
{
    public const int MaxName = 100;
    public const int MaxPhoneInput = 40;
    public const int MaxZip = 10;
    public const int MaxDaysOff = 366;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>E.164.</summary>
    public string Phone { get; set; } = "";
    public string? HomeZip { get; set; }
    public ChefKind Kind { get; set; }
    public string? UserId { get; set; }
    public bool Active { get; set; } = true;
    public Guid ScheduleStamp { get; set; } = Guid.NewGuid();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ChefDayOff> DaysOff { get; set; } = [];

    public ChefSummary ToSummary() =>
        new(Id, Name, Phone, HomeZip, Kind, UserId, Active, DaysOff.Select(d => d.Day).Order().ToList());
}
