using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>How far leads got: <paramref name="Reached"/> leads reached <paramref name="Stage"/> or a later one (Lost is not a stage).</summary>
public sealed record FunnelStep(LeadStatus Stage, int Reached);
