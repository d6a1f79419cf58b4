namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>The outbox events of the leads feature that other features may handle.</summary>
public static class LeadEvents
{
    /// <summary>A lead was created (from a text, a call, a form or by staff); data <see cref="LeadCreated"/>.</summary>
    public const string Created = "lead.created.v1";
}
