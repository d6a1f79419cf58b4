using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Leads;

/// <summary>One inquiry message as the lead page and the API show it.</summary>
public sealed record LeadInquiryView(LeadSource Source, string Text, DateTime At);
