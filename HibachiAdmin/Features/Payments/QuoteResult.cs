namespace HibachiAdmin.Features.Payments;

/// <summary>A quote priced (preview) or sent (with its version and the customer's link), or why not.</summary>
public sealed record QuoteResult(QuoteTotals? Totals, Quote? Quote = null, string? Url = null, Dictionary<string, string[]>? Errors = null,
    bool NotFound = false, string? Conflict = null, string? TravelZone = null);
