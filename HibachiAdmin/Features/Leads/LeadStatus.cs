using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Leads;

public enum LeadStatus
{
    New,
    Contacted,
    Qualified,
    Quoted,
    Booked,
    Lost,
}
