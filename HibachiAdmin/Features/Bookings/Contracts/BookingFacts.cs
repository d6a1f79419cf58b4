using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What other features may say about a party (a review reply mentions the date, guests and menu).</summary>
public sealed record BookingFacts(Guid Id, Guid ContactId, DateOnly EventDate, int GuestCount, string? Package, BookingStatus Status);
