using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>Leads created in a period: how many per source and how far they got (the dashboard).</summary>
public sealed record LeadIntake(int Total, IReadOnlyDictionary<LeadSource, int> BySource, IReadOnlyList<FunnelStep> Funnel);
