using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A lead as the API returns it.</summary>
public sealed record LeadDto(
    Guid Id,
    Guid ContactId,
    string? ContactName,
    string? ContactPhone,
    LeadSource Source,
    LeadStatus Status,
    string? LostReason,
    DateOnly? EventDate,
    int? GuestCount,
    string? Zip,
    string? Location,
    string? Occasion,
    decimal? EstimatedValue,
    string? Notes,
    Guid? ThreadId,
    Guid? CallId,
    Guid? QrCodeId,
    Guid? CampaignId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime StatusChangedAt)
{
    /// <summary>What came in from texts, calls and forms, newest first; one lead's answer only (lists leave it out).</summary>
    public IReadOnlyList<LeadInquiryView>? Inquiries { get; init; }
}
