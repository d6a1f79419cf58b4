using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>What other features may ask of Leads (implemented by <c>LeadService</c>).</summary>
public interface ILeadService
{
    /// <summary>The most guests a lead may say (a bigger number is a typo or a joke).</summary>
    const int MaxGuests = 500;

    Task<LeadDto?> GetDtoAsync(Guid id, CancellationToken ct);
    Task<PagedResult<LeadDto>> ListAsync(LeadListQuery query, CancellationToken ct);
    Task<LeadIntake> GetIntakeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);
    Task<IReadOnlyList<LeadAttribution>> ForQrCodesAsync(IReadOnlyCollection<Guid> qrCodeIds, IReadOnlyCollection<Guid> leadIds, CancellationToken ct);
    Task<(Guid LeadId, bool Created)> CreateOrUpdateOpenLeadAsync(NewLead input, Actor actor, CancellationToken ct);
    Task<(Guid LeadId, bool Created)> CreateOrUpdateOpenLeadAsync(CrossFeatureTransaction tx, NewLead input, Actor actor, CancellationToken ct);
    Task<LeadChangeResult> ChangeStatusAsync(CrossFeatureTransaction tx, Guid leadId, LeadStatus to, string? reason, Actor actor, CancellationToken ct);
}
