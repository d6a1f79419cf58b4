namespace HibachiAdmin.Features.Calls;

public sealed record CallMissed(Guid CallId, Guid ContactId);
