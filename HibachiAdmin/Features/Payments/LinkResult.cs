namespace HibachiAdmin.Features.Payments;

/// <summary>A link or checkout URL, or why not (unknown booking, nothing due, a stale quote).</summary>
public sealed record LinkResult(string? Url, bool NotFound = false, string? Conflict = null);
