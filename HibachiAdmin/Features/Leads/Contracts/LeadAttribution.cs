using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A lead as attribution reports see it (no contact details).</summary>
public sealed record LeadAttribution(Guid Id, Guid ContactId, LeadSource Source, LeadStatus Status, Guid? QrCodeId, DateTime CreatedAt);
