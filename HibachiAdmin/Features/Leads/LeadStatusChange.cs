using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Leads;

/// <summary>History of a lead's status moves, shown in the lead drawer.</summary>
public sealed class LeadStatusChange
{
    public long Id { get; set; }
    public Guid LeadId { get; set; }
    public LeadStatus? From { get; set; }
    public LeadStatus To { get; set; }
    public string? Reason { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime At { get; set; }
}
