namespace HibachiAdmin.Features.Bookings;

/// <summary>The guaranteed guest count moved from <paramref name="From"/> to <paramref name="To"/> (who, and when, are the event's own).</summary>
public sealed record GuestCountChanged(int From, int To, string? Reason, bool AfterCutoff);
