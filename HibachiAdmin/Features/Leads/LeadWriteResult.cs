using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Leads;

public sealed record LeadWriteResult(LeadDto? Lead, Dictionary<string, string[]>? Errors = null, string? Conflict = null, Guid? ExistingLeadId = null, bool NotFound = false)
{
    public bool Succeeded => Lead is not null;
}
