namespace HibachiAdmin.Features.Calendar;

/// <summary>A live feed link as the admin page lists it (the token itself is never kept, so never shown again).</summary>
public sealed record FeedLink(Guid Id, CalendarFeedKind Kind, Guid? ChefId, DateTime CreatedAt, string CreatedBy);
