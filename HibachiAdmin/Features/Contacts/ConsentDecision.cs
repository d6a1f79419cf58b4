namespace HibachiAdmin.Features.Contacts;

public sealed record ConsentDecision(ConsentDecisionKind Kind, string? Reason = null);
