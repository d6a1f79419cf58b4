using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Leads;

/// <summary>A patch: present fields change (null clears), absent fields stay.</summary>
public sealed record LeadPatch
{
    public (bool Set, LeadStatus? Value) Status { get; init; }
    public (bool Set, string? Value) LostReason { get; init; }
    public (bool Set, LeadSource? Value) Source { get; init; }
    public (bool Set, DateOnly? Value) EventDate { get; init; }
    public (bool Set, int? Value) GuestCount { get; init; }
    public (bool Set, string? Value) Zip { get; init; }
    public (bool Set, string? Value) Location { get; init; }
    public (bool Set, string? Value) Occasion { get; init; }
    public (bool Set, decimal? Value) EstimatedValue { get; init; }
    public (bool Set, string? Value) Notes { get; init; }
}
