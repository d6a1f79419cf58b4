using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Leads;

/// <summary>The contract's writes inside another feature's transaction (<see cref="CrossFeatureTransaction"/>).</summary>
public sealed partial class LeadService
{
    Task<(Guid LeadId, bool Created)> ILeadService.CreateOrUpdateOpenLeadAsync(CrossFeatureTransaction tx, NewLead input, Actor actor, CancellationToken ct) =>
        CreateOrUpdateOpenLeadAsync(tx.Db, input, actor, ct);

    Task<LeadChangeResult> ILeadService.ChangeStatusAsync(CrossFeatureTransaction tx, Guid leadId, LeadStatus to, string? reason, Actor actor, CancellationToken ct) =>
        ChangeStatusAsync(tx.Db, leadId, to, reason, actor, ct);
}
