using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

public sealed record LeadListQuery(LeadStatus? Status = null, LeadSource? Source = null, DateOnly? From = null, DateOnly? To = null, Guid? ContactId = null, int Page = 1, int PageSize = 50);
