namespace HibachiAdmin.Features.Bookings;

/// <summary>One line of the guaranteed guest count's change log on the sheet.</summary>
public sealed record GuestCountChange(DateTime At, int From, int To, string? By, string? Reason, bool AfterCutoff);
