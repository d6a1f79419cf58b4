using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Leads;

/// <summary>What a board card shows; projected in SQL, nothing loaded per card.</summary>
public sealed record LeadCard(
    Guid Id,
    Guid ContactId,
    string ContactName,
    LeadSource Source,
    LeadStatus Status,
    DateOnly? EventDate,
    int? GuestCount,
    string? Occasion,
    decimal? EstimatedValue,
    DateTime CreatedAt)
{
    /// <summary>Days from <paramref name="today"/> to the event (negative when past); null without a date.</summary>
    public int? DaysUntilEvent(DateOnly today) => EventDate is { } d ? d.DayNumber - today.DayNumber : null;
}
