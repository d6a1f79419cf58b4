namespace HibachiAdmin.Features.Leads;

public sealed record BoardColumn(LeadStatus Status, IReadOnlyList<LeadCard> Cards, int Count, decimal TotalValue);
