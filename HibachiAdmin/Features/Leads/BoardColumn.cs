using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Leads;

public sealed record BoardColumn(LeadStatus Status, IReadOnlyList<LeadCard> Cards, int Count, decimal TotalValue);
