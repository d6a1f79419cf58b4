using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;


namespace HibachiAdmin.Features.Leads.Contracts;

public enum LeadChangeResult
{
    Changed,
    Unchanged,
    NotFound,
    Invalid,
    /// <summary>Reopening would give the contact a second open lead.</summary>
    Conflict,
}
