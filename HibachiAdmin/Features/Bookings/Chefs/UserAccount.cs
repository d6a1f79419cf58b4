namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>A sign-in account a staff chef can be linked to.</summary>
public sealed record UserAccount(string Id, string Email);
