using System.ComponentModel.DataAnnotations;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>
/// A chef as an Admin writes them (create, or replace on update): the phone as people write it, days off as
/// business-time-zone dates. <c>UserId</c> links a staff member's sign-in account (optional).
/// </summary>
public sealed record ChefInput(
    [property: Required, StringLength(Chef.MaxName, MinimumLength = 1)] string? Name,
    [property: Required, StringLength(Chef.MaxPhoneInput)] string? Phone,
    [property: StringLength(Chef.MaxZip)] string? HomeZip = null,
    ChefKind? Kind = null,
    [property: StringLength(450)] string? UserId = null,
    bool? Active = null,
    [property: MaxLength(Chef.MaxDaysOff)] IReadOnlyList<DateOnly>? DaysOff = null);
