using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

public enum LeadStatus
{
    New,
    Contacted,
    Qualified,
    Quoted,
    Booked,
    Lost,
}
