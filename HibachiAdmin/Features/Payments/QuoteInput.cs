namespace HibachiAdmin.Features.Payments;

/// <summary>Everything a quote's totals depend on (dollars; rates in percent).</summary>
public sealed record QuoteInput(
    int Adults, int Children, decimal AdultPrice, decimal ChildPrice, IReadOnlyList<(AddOn AddOn, int Quantity)> AddOns,
    decimal? TravelFee, string? TravelZone, decimal GratuityPercent, decimal TaxRatePercent, int MinimumGuests, decimal MinimumTotal,
    decimal DepositPercent, decimal DepositFixed, int BalanceDueDays, DateOnly EventDate, DateOnly Today);
