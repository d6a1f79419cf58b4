namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>A chef as other features see them. <c>Phone</c> is E.164; <c>DaysOff</c> are business-time-zone dates, in order.</summary>
public sealed record ChefSummary(Guid Id, string Name, string Phone, string? HomeZip, ChefKind Kind, string? UserId, bool Active, IReadOnlyList<DateOnly> DaysOff);
