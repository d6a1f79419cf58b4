namespace HibachiAdmin.Features.Dashboard;

/// <summary>Parties in one business week: confirmed (or already done) and still only requested.</summary>
public sealed record WeekParties(DateOnly Start, int Confirmed, int Requested, int Guests);
