using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>A create or update: the chef, or field errors (400), not found (404) or a conflict (409, with the reason).</summary>
public sealed record ChefWriteResult(ChefSummary? Chef, Dictionary<string, string[]>? Errors = null, bool NotFound = false, string? Conflict = null);
