using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

using HibachiAdmin.Common;

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
