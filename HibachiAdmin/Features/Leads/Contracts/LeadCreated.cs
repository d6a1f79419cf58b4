namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A new lead (the outbox event <see cref="LeadEvents.Created"/>), written in the lead's own unit of work.</summary>
/// <param name="CreatedBy">The person who created it by hand; null when it came in from a customer (text, call, form).</param>
public sealed record LeadCreated(Guid LeadId, Guid ContactId, LeadSource Source, string? CreatedBy);
