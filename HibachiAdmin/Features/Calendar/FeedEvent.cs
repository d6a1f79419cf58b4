using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Calendar;

/// <summary>One party as a feed writes it: what the event says, already chosen for the feed's reader.</summary>
/// <param name="Phone">The customer's phone: only ever set in a chef's own feed, never in the business feed.</param>
public sealed record FeedEvent(CalendarParty Party, string CustomerName, string? Phone, IReadOnlyList<string> Chefs);
