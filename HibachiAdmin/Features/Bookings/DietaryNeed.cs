using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>One dietary need: what (e.g. "shellfish"), how many guests have it, and how serious it is.</summary>
public sealed record DietaryNeed(string What, int Guests, DietarySeverity Severity);
