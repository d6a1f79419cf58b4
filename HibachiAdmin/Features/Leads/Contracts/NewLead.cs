using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;

using HibachiAdmin.Common;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>
/// Fields a lead can be created with; the attribution ids say where it came from. <see cref="Notes"/> are
/// the staff's notes when staff create the lead (<see cref="LeadService.CreateAsync"/>); from a text, call
/// or form (<see cref="LeadService.CreateOrUpdateOpenLeadAsync(NewLead, Actor, CancellationToken)"/>) they are
/// what came in, kept as one of the lead's <see cref="LeadInquiry"/> messages and never in the staff's notes.
/// </summary>
public sealed record NewLead(
    Guid ContactId,
    LeadSource Source,
    DateOnly? EventDate = null,
    int? GuestCount = null,
    string? Zip = null,
    string? Location = null,
    string? Occasion = null,
    decimal? EstimatedValue = null,
    string? Notes = null,
    Guid? ThreadId = null,
    Guid? CallId = null,
    Guid? QrCodeId = null,
    Guid? CampaignId = null,
    Guid? MessageId = null);
