namespace HibachiAdmin.Features.Payments;

/// <summary>What staff choose for a quote; unset prices and rates come from configuration, the travel fee from the ZIP's zone.</summary>
public sealed record QuoteDraft(int Adults, int Children, decimal? AdultPrice, decimal? ChildPrice, IReadOnlyList<AddOnChoice> AddOns,
    decimal? TravelFee, decimal? GratuityPercent, string? Terms);
