namespace HibachiAdmin.Features.Bookings.Contracts;

public sealed record MonthRevenue(int Year, int Month, int Bookings, decimal Booked, decimal Deposits);
